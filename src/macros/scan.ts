/**
 * Finding macro references and comments in search text, before any parsing: `name` or
 * `name(a1, a2)` between backticks, ```comments``` between triple backticks; nothing inside
 * double-quoted strings counts (`"a`b`c"` stays as written). Spec 05 MA4, MA5.
 */

export type ScanItem =
  | { readonly kind: 'ref' | 'comment'; readonly start: number; readonly end: number }
  /** A backtick (or ```) that never closes; `end` is the end of the opener. */
  | { readonly kind: 'unterminated-ref' | 'unterminated-comment'; readonly start: number; readonly end: number };

/** References and comments outside double quotes, in text order. */
export function* scanMacroText(text: string): Generator<ScanItem> {
  let inQuote = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    // A backslash escapes the next character in and out of quotes, as the SPL lexer reads it:
    // `objectRef=*\"privileged\":true*` has no quoted section (security_content kubernetes_*).
    if (c === '\\') i++;
    else if (inQuote) inQuote = c !== '"';
    else if (c === '"') inQuote = true;
    if (inQuote || c !== '`') continue;
    const comment = text.startsWith('```', i);
    const opener = comment ? 3 : 1;
    const close = text.indexOf(comment ? '```' : '`', i + opener);
    if (close === -1) {
      yield { kind: comment ? 'unterminated-comment' : 'unterminated-ref', start: i, end: i + opener };
      return;
    }
    const end = close + opener;
    yield { kind: comment ? 'comment' : 'ref', start: i, end };
    i = end - 1;
  }
}

/** A reference's name and the spans (in the scanned text) of its trimmed arguments. */
export interface Call {
  readonly name: string;
  readonly args: readonly ArgSpan[];
}

export interface ArgSpan {
  readonly start: number;
  readonly end: number;
}

/**
 * Split the reference at [start, end) (backticks included). `name()` has no arguments, like
 * `name`. Returns a reason string when the parentheses are malformed.
 */
export function parseCall(text: string, start: number, end: number): Call | string {
  const inner = text.slice(start + 1, end - 1);
  const open = inner.indexOf('(');
  if (open === -1) return { name: inner.trim(), args: [] };
  const name = inner.slice(0, open).trim();
  const close = inner.trimEnd().length - 1;
  if (inner[close] !== ')') return 'missing ")" at the end of the argument list';
  const from = start + 1 + open + 1;
  const to = start + 1 + close;
  return { name, args: text.slice(from, to).trim() === '' ? [] : splitArgs(text, from, to) };
}

/**
 * Arguments of text[from, to): split on commas outside double quotes (`\"` escapes a quote) and
 * outside balanced parentheses, so `f("a,b", eval(x,y))` has two arguments; each trimmed. A
 * backslash escapes the next character.
 */
function splitArgs(text: string, from: number, to: number): ArgSpan[] {
  const args: ArgSpan[] = [];
  let depth = 0;
  let inQuote = false;
  let argStart = from;
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (inQuote) inQuote = c !== '"';
    else if (c === '"') inQuote = true;
    else if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === ',' && depth === 0) {
      args.push(trimSpan(text, argStart, i));
      argStart = i + 1;
    }
  }
  args.push(trimSpan(text, argStart, to));
  return args;
}

function trimSpan(text: string, start: number, end: number): ArgSpan {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}
