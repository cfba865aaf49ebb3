/** `*` wildcards in field values: anchored at both ends, case-insensitive unless CASE() (spec 01 S6). */

export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

export type ValueTest = (text: string) => boolean;

/** A test of a whole value against a pattern that may hold `*`. */
export function compileValuePattern(pattern: string, caseSensitive: boolean): ValueTest {
  if (!pattern.includes('*')) {
    if (caseSensitive) return (v) => v === pattern;
    const lower = pattern.toLowerCase();
    return (v) => v.length === lower.length && v.toLowerCase() === lower;
  }
  if (/^\*+$/.test(pattern)) return (v) => v.length > 0;
  const re = new RegExp(`^${pattern.split('*').map(escapeRegex).join('[\\s\\S]*')}$`, caseSensitive ? '' : 'i');
  return (v) => re.test(v);
}
