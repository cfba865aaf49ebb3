/**
 * Token text -> value. Double-quoted sections lose their quotes; backslash escapes are expanded:
 * `\"` -> `"`, `\\` -> `\`, `\|` -> `|`; any other sequence (`\s`, `\d`) stays as written
 * (spec 01 S11). Single quotes are ordinary characters in search words (S11 recommendation).
 */
import { scanQuoted } from './lex-scan.js';

export function unquote(image: string): string {
  if (!image.includes('"') && !image.includes('\\')) return image;
  let out = '';
  for (let i = 0; i < image.length; i++) {
    const c = image[i]!;
    if (c === '\\' && i + 1 < image.length) {
      const n = image[i + 1]!;
      if (n === '"' || n === '\\' || n === '|') {
        out += n;
        i++;
        continue;
      }
      out += c;
    } else if (c !== '"') out += c;
  }
  return out;
}

/** `'field name'` (eval/where) -> `field name`; `\'` and `\\` inside are unescaped. */
export function unquoteField(image: string): string {
  return image.slice(1, -1).replace(/\\(['\\])/g, '$1');
}

/**
 * Whether the whole token is one quoted string (`"a b"`), as opposed to a word with quoted parts
 * (`"Processes".*`, `"a"b"c"`).
 */
export function isWhollyQuoted(image: string): boolean {
  return image.startsWith('"') && scanQuoted(image, 0, '"') === image.length;
}
