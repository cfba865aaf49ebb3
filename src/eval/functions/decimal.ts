/**
 * Decimal text of doubles for the eval functions that format or round numbers. Two rules:
 * printf renders the exact binary value as C's sprintf does (ties to even, so
 * `printf("%.0f", 2.5)` is "2"); round/sigfig/tostring round the number as it prints (its
 * shortest text), half away from zero, which is how Splunk's `round(2.555, 2)` gives 2.56 although
 * the double 2.555 lies just below 2.555 (docs/eval/math.md).
 */

/** A finite non-negative double as mant * 2^exp, exactly. */
function decompose(x: number): { mant: bigint; exp: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const bits = (BigInt(hi & 0xfffff) << 32n) | BigInt(view.getUint32(4));
  const biased = (hi >>> 20) & 0x7ff;
  return biased === 0 ? { mant: bits, exp: -1074 } : { mant: bits | (1n << 52n), exp: biased - 1075 };
}

/** round(|x| * 10^shift) to an integer, exactly, ties to even (C's default rounding). */
function scaledRound(x: number, shift: number): bigint {
  const { mant, exp } = decompose(Math.abs(x));
  let num = exp >= 0 ? mant << BigInt(exp) : mant;
  let den = exp >= 0 ? 1n : 1n << BigInt(-exp);
  if (shift >= 0) num *= 10n ** BigInt(shift);
  else den *= 10n ** BigInt(-shift);
  const q = num / den;
  const twice = 2n * (num % den);
  return twice > den || (twice === den && (q & 1n) === 1n) ? q + 1n : q;
}

/** |x| with `frac` digits after the point, as C's `%.<frac>f` prints it. */
export function fixedText(x: number, frac: number): string {
  const digits = scaledRound(x, frac).toString();
  if (frac === 0) return digits;
  const padded = digits.padStart(frac + 1, '0');
  return `${padded.slice(0, -frac)}.${padded.slice(-frac)}`;
}

/** |x| as `frac + 1` significant digits and a decimal exponent, as C's `%.<frac>e` rounds it. */
export function exponentParts(x: number, frac: number): { digits: string; exp: number } {
  const a = Math.abs(x);
  if (a === 0) return { digits: '0'.repeat(frac + 1), exp: 0 };
  let exp = Math.floor(Math.log10(a));
  for (;;) {
    const digits = scaledRound(a, frac - exp).toString();
    if (digits.length > frac + 1) exp += 1;
    else if (digits.length < frac + 1) exp -= 1;
    else return { digits, exp };
  }
}

/** The shortest text of |x| split into integer and fraction digits, without exponent notation. */
export function plainDigits(x: number): { int: string; frac: string } {
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(Math.abs(x)));
  if (!m) return { int: '0', frac: '' };
  const all = m[1]! + (m[2] ?? '');
  const point = m[1]!.length + Number(m[3] ?? 0);
  if (point <= 0) return { int: '0', frac: '0'.repeat(-point) + all };
  if (point >= all.length) return { int: all + '0'.repeat(point - all.length), frac: '' };
  return { int: all.slice(0, point), frac: all.slice(point) };
}

/**
 * x rounded half away from zero to `places` decimal places of its shortest text; a negative
 * `places` rounds left of the point (-1: tens).
 */
export function roundDecimal(x: number, places: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const { int, frac } = plainDigits(x);
  const all = int + frac;
  const keep = int.length + places;
  if (keep >= all.length) return x;
  if (keep < 0) return 0;
  let n = BigInt(all.slice(0, keep) || '0');
  if (all.charCodeAt(keep) >= 53) n += 1n; // '5'
  const text = places >= 0 ? scaleDown(n.toString(), places) : n.toString() + '0'.repeat(-places);
  const r = Number(text);
  return x < 0 ? -r : r;
}

function scaleDown(digits: string, places: number): string {
  if (places === 0) return digits;
  const padded = digits.padStart(places + 1, '0');
  return `${padded.slice(0, -places)}.${padded.slice(-places)}`;
}

/** The decimal exponent of the leading digit of x's shortest text (1234 -> 3, 0.05 -> -2). */
export function leadingExponent(x: number): number {
  const { int, frac } = plainDigits(x);
  if (int !== '0') return int.length - 1;
  const first = frac.search(/[1-9]/);
  return first < 0 ? 0 : -(first + 1);
}

/** Commas between thousands of an integer digit string: 1234567 -> 1,234,567. */
export function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** |x| as C's `%a` prints it: hex mantissa, binary exponent; `prec` hex digits when given. */
export function hexFloatText(x: number, prec: number | undefined, alt: boolean): string {
  const a = Math.abs(x);
  if (a === 0) return `0x0${prec ? '.' + '0'.repeat(prec) : alt ? '.' : ''}p+0`;
  const { mant, exp } = decompose(a);
  const normal = mant >= 1n << 52n;
  let lead = normal ? 1n : 0n;
  let frac = normal ? mant - (1n << 52n) : mant;
  const e = normal ? exp + 52 : -1022;
  let hex: string;
  if (prec === undefined) {
    hex = frac.toString(16).padStart(13, '0').replace(/0+$/, '');
  } else {
    const shift = 52 - 4 * prec;
    if (shift > 0) {
      const rest = frac & ((1n << BigInt(shift)) - 1n);
      const half = 1n << BigInt(shift - 1);
      frac >>= BigInt(shift);
      if (rest > half || (rest === half && (frac & 1n) === 1n)) frac += 1n;
      if (frac >= 1n << BigInt(4 * prec)) {
        frac -= 1n << BigInt(4 * prec);
        lead += 1n;
      }
    } else frac <<= BigInt(-shift);
    hex = prec === 0 ? '' : frac.toString(16).padStart(prec, '0');
  }
  return `0x${lead}${hex || alt ? '.' : ''}${hex}p${e < 0 ? '-' : '+'}${Math.abs(e)}`;
}
