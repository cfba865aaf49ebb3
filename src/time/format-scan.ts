/**
 * Splits a Splunk time format (`%Y-%m-%dT%H:%M:%S.%3N%z`) into literal text and variables,
 * shared by strftime (formatting) and strptime (parsing). Composite variables (%T %F %D %R %r
 * %c %x %X %+) are expanded here, so the two directions only know the elementary ones.
 * Splunk docs: "Date and time format variables".
 */

/** Elementary variables; `:z`, `::z`, `:::z` and `Ez` are the offset spellings. */
export type VarCode =
  | 'Y' | 'y' | 'C' | 'm' | 'd' | 'e' | 'H' | 'k' | 'I' | 'l' | 'p' | 'P' | 'M' | 'S'
  | 'a' | 'A' | 'b' | 'B' | 'j' | 'w' | 'u' | 'U' | 'W' | 'V' | 'G' | 'g'
  | 's' | 'N' | 'Q' | 'f' | 'z' | ':z' | '::z' | ':::z' | 'Ez' | 'Z';

export type Directive =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'var'; readonly code: VarCode; readonly width: number | undefined };

const ELEMENTARY = new Set<string>([
  'Y', 'y', 'C', 'm', 'd', 'e', 'H', 'k', 'I', 'l', 'p', 'P', 'M', 'S', 'a', 'A', 'b', 'B',
  'j', 'w', 'u', 'U', 'W', 'V', 'G', 'g', 's', 'N', 'Q', 'f', 'z', ':z', '::z', ':::z', 'Ez', 'Z',
]);

/**
 * Composites. `%c`, `%x`, `%X` and `%+` depend on the server locale in Splunk; these are the
 * C/POSIX forms (`%c` = `Tue Mar  5 14:07:09 2024`), which is what Splunk prints on an
 * English Linux server except that `%x` there may show `3/5/2024`.
 */
const COMPOSITES: Readonly<Record<string, string>> = {
  T: '%H:%M:%S',
  F: '%Y-%m-%d',
  D: '%m/%d/%y',
  R: '%H:%M',
  r: '%I:%M:%S %p',
  c: '%a %b %e %H:%M:%S %Y',
  x: '%m/%d/%y',
  X: '%H:%M:%S',
  '+': '%a %b %e %H:%M:%S %Z %Y',
  h: '%b',
};

const LITERALS: Readonly<Record<string, string>> = { '%': '%', n: '\n', t: '\t' };

/** Variables that take a digit count (`%3N`, `%6Q`). */
const WIDTH_CODES = new Set(['N', 'Q']);

/** Scan a format; unknown variables (`%q`, `%3Y`) stay in the output as literal text. */
export function scanFormat(format: string): Directive[] {
  const out: Directive[] = [];
  let i = 0;
  while (i < format.length) {
    const pct = format.indexOf('%', i);
    if (pct < 0) {
      pushText(out, format.slice(i));
      break;
    }
    pushText(out, format.slice(i, pct));
    i = scanVariable(format, pct, out);
  }
  return out;
}

/** Scan one `%...` at `pct`; returns the index after it. */
function scanVariable(format: string, pct: number, out: Directive[]): number {
  const m = /^%(\d*)(:{0,3})(Ez|.)?/s.exec(format.slice(pct, pct + 8))!;
  const [raw, digits = '', colons = '', letter] = m;
  const directives = letter === undefined ? undefined : resolveVariable(digits, colons, letter);
  for (const d of directives ?? [{ kind: 'text', text: raw }]) {
    if (d.kind === 'text') pushText(out, d.text);
    else out.push(d);
  }
  return pct + raw.length;
}

/** The directives for one variable, or undefined when it is not one Splunk knows. */
function resolveVariable(digits: string, colons: string, letter: string): Directive[] | undefined {
  const code = colons + letter;
  if (digits !== '') {
    const width = Number(digits);
    const ok = WIDTH_CODES.has(code) && width >= 1 && width <= 9;
    return ok ? [{ kind: 'var', code: code as VarCode, width }] : undefined;
  }
  if (colons === '' && letter in COMPOSITES) return scanFormat(COMPOSITES[letter]!);
  if (colons === '' && letter in LITERALS) return [{ kind: 'text', text: LITERALS[letter]! }];
  return ELEMENTARY.has(code) ? [{ kind: 'var', code: code as VarCode, width: undefined }] : undefined;
}

/** Append literal text, merging with a preceding literal. */
function pushText(out: Directive[], text: string): void {
  if (text === '') return;
  const last = out[out.length - 1];
  if (last?.kind === 'text') out[out.length - 1] = { kind: 'text', text: last.text + text };
  else out.push({ kind: 'text', text });
}
