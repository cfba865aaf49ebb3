/**
 * The value of a plain or single-quoted YAML scalar from its source text, as the `yaml` package
 * reads it (core schema, YAML 1.2): line folding (YAML 1.2 section 6.5, 7.3.2/7.3.3), `''` for a
 * quote, and a plain scalar that the core schema reads as null, a boolean or a number declined,
 * so the caller lets the parser decide it (section 10.3.2).
 */
import type { RawScalar } from './yaml-subset.js';

/** Every plain scalar the core schema does not read as a string: null, bool, int, float. */
const CORE_NON_STRING = new RegExp(
  '^(?:' +
    ['', '~', 'null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE'].join('|') +
    '|0o[0-7]+|0x[0-9a-fA-F]+' +
    '|[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?' +
    '|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$',
);

/** The string value of `raw` (checked by yaml-subset.ts); undefined when it would not be a string. */
export function scalarString(text: string, raw: RawScalar): string | undefined {
  const source = text.slice(raw.start, raw.end);
  if (raw.style === 'QUOTE_SINGLE') return fold(source.slice(1, -1)).replaceAll("''", "'");
  const value = fold(source);
  return CORE_NON_STRING.test(value) ? undefined : value;
}

/**
 * Flow line folding: spaces around each line break go, a single break becomes a space and n + 1
 * breaks become n newlines. The first line keeps its leading spaces, the last its trailing ones.
 * Only spaces count as white space here: the checked text has no tabs.
 */
function fold(source: string): string {
  if (!source.includes('\n')) return source;
  const lines = source.split('\n');
  let out = trimSpacesEnd(lines[0]!);
  let sep = ' ';
  for (let i = 1; i < lines.length - 1; i++) {
    const line = trimSpacesEnd(trimSpacesStart(lines[i]!));
    if (line !== '') {
      out += sep + line;
      sep = ' ';
    } else if (sep === ' ') sep = '\n';
    else out += '\n';
  }
  return out + sep + trimSpacesStart(lines[lines.length - 1]!);
}

function trimSpacesStart(s: string): string {
  let i = 0;
  while (s.charCodeAt(i) === 32) i++;
  return i === 0 ? s : s.slice(i);
}

function trimSpacesEnd(s: string): string {
  let i = s.length;
  while (i > 0 && s.charCodeAt(i - 1) === 32) i--;
  return i === s.length ? s : s.slice(0, i);
}
