/**
 * The key/value scanners of `extract` (and `multikv`'s header names): delimiter pairs as
 * transforms.conf `DELIMS = "<pair delims>", "<kv delims>"` splits them, Splunk's automatic
 * `key=value` extraction, and CLEAN_KEYS. transforms.conf.spec (DELIMS, CLEAN_KEYS,
 * KEEP_EMPTY_VALS); Knowledge Manager Manual, "Configure automatic key-value field extraction"
 * (KV_MODE=auto, KV_TRIM_SPACES); spec 10 K6, K7.
 */

export type KeyValue = readonly [key: string, value: string];

/**
 * DELIMS: the text splits into pairs at any pair delimiter character (consecutive ones are
 * consumed), each pair into key and value at a kv delimiter character. A pair holding more than
 * one kv delimiter is not extracted (extract's kvdelim: "If the delimiter appears in the value,
 * that value is not extracted"), nor one without any. Keys and values are trimmed (UNVERIFIED for
 * DELIMS: KV_TRIM_SPACES documents it for automatic extraction), empty values dropped
 * (KEEP_EMPTY_VALS=false).
 */
export function delimitedPairs(text: string, pairDelims: string, kvDelims: string): KeyValue[] {
  const out: KeyValue[] = [];
  for (const pair of splitAny(text, pairDelims)) {
    const parts = splitAll(pair, kvDelims);
    if (parts.length !== 2) continue;
    const key = parts[0]!.trim();
    const value = parts[1]!.trim();
    if (key !== '' && value !== '') out.push([key, value]);
  }
  return out;
}

/** The non-empty runs between delimiter characters. */
function splitAny(text: string, delims: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && !delims.includes(text[i]!)) continue;
    if (i > start) out.push(text.slice(start, i));
    start = i + 1;
  }
  return out;
}

/** Every piece between delimiter characters, empty ones included. */
function splitAll(text: string, delims: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (!delims.includes(text[i]!)) continue;
    out.push(text.slice(start, i));
    start = i + 1;
  }
  out.push(text.slice(start));
  return out;
}

/**
 * Automatic extraction: `key=value` where the key is a word (letters, digits, `_`, `.`, `-`,
 * starting with a letter or `_`) right before `=`, and the value either a double-quoted string
 * (quotes removed, spaces trimmed: KV_TRIM_SPACES) or the run up to whitespace, `,`, `;`, `&` or a
 * quote. Scanning goes left to right and a value's text is not scanned again, so `u=/a?b=1`
 * gives only `u`. Empty values are ignored (KV_MODE=auto). UNVERIFIED: the exact character
 * classes of Splunk's automatic extraction are not documented.
 */
export function autoPairs(text: string): KeyValue[] {
  const out: KeyValue[] = [];
  const re = /(?<![\w.-])([A-Za-z_][\w.-]*)=("([^"]*)"?|[^\s,;&"]*)/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const value = m[3] !== undefined ? m[3].trim() : m[2]!;
    if (value !== '') out.push([m[1]!, value]);
  }
  return out;
}

/**
 * CLEAN_KEYS: characters other than letters, digits and `_` become `_`, then leading `_` and
 * digits go (`"c_ip"` -> `c_ip_`, `%CPU` -> `CPU`); a key left empty names nothing.
 */
export function cleanKey(key: string): string {
  return key.replace(/[^A-Za-z0-9_]/g, '_').replace(/^[_0-9]+/, '');
}
