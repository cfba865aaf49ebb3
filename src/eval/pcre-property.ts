/**
 * `\p{..}` / `\P{..}` names as PCRE accepts them (PCRE2 pattern spec, "Unicode character
 * properties"): general categories (`L`, `Lu`, `L&`), `Any`, script names (`Greek`) and PCRE's
 * specials `Xan`, `Xsp`, `Xps`, `Xwd`, translated to JavaScript's `\p{...}` spelling.
 */
import { MAX_CP, SPACE, type PropRef } from './pcre-charset.js';
import type { PcreReader } from './pcre-reader.js';

const CATEGORIES = new Set(
  'C Cc Cf Cn Co Cs L Ll Lm Lo Lt Lu M Mc Me Mn N Nd Nl No P Pc Pd Pe Pf Pi Po Ps S Sc Sk Sm So Z Zl Zp Zs'.split(' '),
);

export interface PropertyParts {
  readonly ranges: readonly number[];
  readonly props: readonly PropRef[];
}

/** The parts of `\p{name}` (`negated` for `\P` or `\p{^name}`). */
export function unicodeProperty(raw: string, negatedEscape: boolean, r: PcreReader, at: number): PropertyParts {
  const negated = negatedEscape !== raw.startsWith('^');
  const name = raw.replace(/^\^/, '');
  const single = (js: string): PropertyParts => ({ ranges: [], props: [{ name: js, negated }] });
  if (CATEGORIES.has(name)) return single(name);
  if (name === 'L&' || name === 'LC') return single('LC');
  if (name === 'Any') return { ranges: negated ? [] : [0, MAX_CP], props: [] };
  const special = SPECIALS[name];
  if (special) {
    if (negated) r.unsupported(`\\P{${name}}`, at);
    return special;
  }
  if (/^[A-Za-z_]+$/.test(name) && isScript(name)) return single(`Script=${name}`);
  return r.fail(`unknown property name "${name}" after \\p or \\P`, at);
}

const SPECIALS: Readonly<Record<string, PropertyParts>> = {
  Xan: { ranges: [], props: [{ name: 'L', negated: false }, { name: 'N', negated: false }] },
  Xsp: { ranges: SPACE, props: [{ name: 'Z', negated: false }] },
  Xps: { ranges: SPACE, props: [{ name: 'Z', negated: false }] },
  Xwd: { ranges: [0x5f, 0x5f], props: [{ name: 'L', negated: false }, { name: 'N', negated: false }] },
};

function isScript(name: string): boolean {
  try {
    new RegExp(`\\p{Script=${name}}`, 'u');
    return true;
  } catch {
    return false;
  }
}
