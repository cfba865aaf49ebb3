/**
 * Splunk's default segmentation breakers (segmenters.conf MAJOR/MINOR, spec 01 S4). Bare search
 * terms match `_raw` only on token boundaries, i.e. next to one of these characters.
 */
const MAJOR = '[]<>(){}|!;,\'"*\n\r \t&?+';
const MINOR = '/:=@.-$#%\\_';

const isMajorTable = new Uint8Array(128);
const isBreakerTable = new Uint8Array(128);
for (const c of MAJOR) isMajorTable[c.charCodeAt(0)] = isBreakerTable[c.charCodeAt(0)] = 1;
for (const c of MINOR) isBreakerTable[c.charCodeAt(0)] = 1;

export function isMajorBreaker(code: number): boolean {
  return code < 128 && isMajorTable[code] === 1;
}

export function isBreaker(code: number): boolean {
  return code < 128 && isBreakerTable[code] === 1;
}

/** Regex character class source matching one major breaker. */
export const MAJOR_CLASS = '[\\[\\]<>(){}|!;,\'"*\\n\\r \\t&?+]';
/** Regex character class source matching any breaker. */
export const BREAKER_CLASS = '[\\[\\]<>(){}|!;,\'"*\\n\\r \\t&?+/:=@.\\-$#%\\\\_]';
