/**
 * A flattened field name (`user.username`, `items{}.time`, `annotations.a.b/c`) -> the JSON value
 * it names and the key path to it, so replay can rewrite that exact value in the event text.
 * Same resolution as data/event-time.ts lookupFlattened (keys may contain dots; the longest key
 * first; through an array the first element that has the rest; `key{}` gives the array itself).
 */

/** A key path: object member names and array indexes, outermost first. */
export type JsonKeyPath = readonly (string | number)[];

export interface Located {
  readonly value: unknown;
  readonly keys: JsonKeyPath;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function member(holder: Record<string, unknown>, key: string): { value: unknown; key: string } | undefined {
  if (Object.hasOwn(holder, key)) return { value: holder[key], key };
  if (key.endsWith('{}')) {
    const bare = key.slice(0, -2);
    if (Object.hasOwn(holder, bare) && Array.isArray(holder[bare])) return { value: holder[bare], key: bare };
  }
  return undefined;
}

/** The value at a flattened name and its key path; undefined when absent. */
export function locateFlattened(value: unknown, path: string, from = 0, keys: JsonKeyPath = []): Located | undefined {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = locateFlattened(value[i], path, from, [...keys, i]);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (!isRecord(value)) return undefined;
  const whole = member(value, from === 0 ? path : path.slice(from));
  if (whole !== undefined && whole.value !== undefined) return { value: whole.value, keys: [...keys, whole.key] };
  for (let dot = path.lastIndexOf('.'); dot > from; dot = path.lastIndexOf('.', dot - 1)) {
    const child = member(value, path.slice(from, dot));
    if (child === undefined || typeof child.value !== 'object' || child.value === null) continue;
    const found = locateFlattened(child.value, path, dot + 1, [...keys, child.key]);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * A timestamp value as the reader takes it: a string or number, or the first element of an
 * array of them (key path extended with index 0).
 */
export function timestampValue(found: Located | undefined): { value: string | number; keys: JsonKeyPath } | undefined {
  if (found === undefined) return undefined;
  const v = found.value;
  if (typeof v === 'string' || typeof v === 'number') return { value: v, keys: found.keys };
  if (Array.isArray(v) && v.length > 0) return timestampValue({ value: v[0], keys: [...found.keys, 0] });
  return undefined;
}
