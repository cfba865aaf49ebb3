/**
 * The lookups a content repository defines in its lookups/ folders, read by the same loader as
 * the lookup commands (src/lookups/store.ts): a definition `<name>.yml` (its `name:` and
 * `filename:`; KV-store ones have `collection:` instead) or a CSV file, which searches name with
 * or without `.csv` (`inputlookup legit_domains.csv`, `lookup legit_domains`).
 */
import { LookupStore } from '../lookups/store.js';

export interface LookupCatalog {
  /** The folders read, for messages. */
  readonly dirs: readonly string[];
  has(name: string): boolean;
}

export function loadLookupCatalog(dirs: readonly string[]): LookupCatalog {
  const store = LookupStore.load({ paths: [], readOnly: dirs });
  return { dirs, has: (name) => store.knows(name) };
}
