/**
 * Object keys looked up straight in the text of their JSON string token, without slicing them out:
 * the reader meets ~25 keys per event line, and a new string for each was a good part of its cost
 * (allocation, then garbage collection). Candidates are bucketed by length and compared in place.
 */
export class KeyIndex<V> {
  /** Candidates by key length (an array: a lookup by small integer is cheaper than a Map's). */
  private readonly byLength: Array<Array<readonly [string, V]> | undefined> = [];
  private readonly byKey = new Map<string, V>();

  constructor(entries: Iterable<readonly [string, V]>) {
    for (const [key, value] of entries) {
      this.byKey.set(key, value);
      (this.byLength[key.length] ??= []).push([key, value]);
    }
  }

  /**
   * The value of the key whose string token (quotes included) is text[start, end); `escaped`: the
   * token holds escape sequences, so it is decoded first (rare).
   */
  find(text: string, start: number, end: number, escaped: boolean): V | undefined {
    if (escaped) return this.byKey.get(JSON.parse(text.slice(start, end)) as string);
    const list = this.byLength[end - start - 2];
    if (list === undefined) return undefined;
    for (let k = 0; k < list.length; k++) {
      const entry = list[k]!;
      if (text.startsWith(entry[0], start + 1)) return entry[1];
    }
    return undefined;
  }
}
