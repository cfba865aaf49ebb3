/**
 * `extract [<extract-options>...] [<extractor-name>...]` (synonym `kv`): key/value pairs from
 * `_raw` become fields. Search Reference, "extract":
 * https://help.splunk.com/splunk-enterprise/search/spl-search-reference/9.4/search-commands/extract
 * - `pairdelim=` / `kvdelim=` give DELIMS-style extraction (each character a delimiter; default
 *   pairs at whitespace, keys at `=`); without them `auto=true` (default) extracts `key=value`;
 * - `limit` (default 50, 0 = none) pairs from the first `maxchars` (default 10240) characters;
 * - `clean_keys` (default true: CLEAN_KEYS' default) cleans names; `mv_add` (default false):
 *   a field that already exists keeps its value, with true the new value is appended;
 * - `segment` (UI highlighting) and `reload` (re-read .conf files) do not change results.
 * Extractor names (transforms.conf stanzas) cannot run yet (B007).
 */
import type { FieldValue, Row, Scalar } from '../data/event.js';
import { SplError } from '../errors/spl-error.js';
import type { ExtractCommand } from '../spl/commands/extract.js';
import { autoPairs, cleanKey, delimitedPairs, type KeyValue } from './extract-kv.js';
import { inputText } from './rex.js';
import { OptionReader } from './shared/options.js';
import { streaming, type CommandImpl } from './types.js';

const OPTIONS = ['auto', 'clean_keys', 'kvdelim', 'limit', 'maxchars', 'mv_add', 'pairdelim', 'reload', 'segment'];

export interface ExtractSettings {
  readonly pairs: (text: string) => KeyValue[];
  readonly limit: number;
  readonly maxchars: number;
  readonly cleanKeys: boolean;
  readonly mvAdd: boolean;
}

export const extractCommand: CommandImpl<ExtractCommand> = {
  kind: 'extract',
  needsOrder: false,
  compile(cmd) {
    const first = cmd.extractors[0];
    if (first) {
      throw new SplError('B007', { command: 'extract' }, { span: first.span, notes: ['extractor names (transforms.conf stanzas) cannot execute yet'] });
    }
    const settings = readSettings(new OptionReader('extract', cmd.options, OPTIONS));
    return streaming((row, next) => {
      extractInto(row, settings);
      next.push(row);
    });
  },
};

function readSettings(reader: OptionReader): ExtractSettings {
  const pairDelims = reader.get('pairdelim');
  const kvDelims = reader.get('kvdelim');
  for (const o of [pairDelims, kvDelims]) if (o && o.value === '') throw reader.invalid(o, 'one or more delimiter characters');
  reader.boolean('reload', false);
  reader.boolean('segment', false);
  const auto = reader.boolean('auto', true);
  const delimited = pairDelims !== undefined || kvDelims !== undefined;
  const pairs = delimited
    ? (text: string) => delimitedPairs(text, pairDelims?.value ?? ' \t\r\n', kvDelims?.value ?? '=')
    : (text: string) => (auto ? autoPairs(text) : []);
  return {
    pairs,
    limit: reader.integer('limit', 50),
    maxchars: reader.integer('maxchars', 10240),
    cleanKeys: reader.boolean('clean_keys', true),
    mvAdd: reader.boolean('mv_add', false),
  };
}

/** Extract the pairs of a result's `_raw` into its fields. */
export function extractInto(row: Row, s: ExtractSettings): void {
  const raw = row.fields.get('_raw');
  if (raw === undefined) return;
  const text = inputText(raw);
  let taken = 0;
  for (const [rawKey, value] of s.pairs(s.maxchars > 0 ? text.slice(0, s.maxchars) : text)) {
    if (s.limit > 0 && taken >= s.limit) break;
    const key = s.cleanKeys ? cleanKey(rawKey) : rawKey;
    if (key === '') continue;
    taken++;
    const old = row.fields.get(key);
    if (old === undefined) row.fields.set(key, value);
    else if (s.mvAdd) row.fields.set(key, appended(old, value));
  }
}

function appended(old: FieldValue, value: string): FieldValue {
  return Array.isArray(old) ? [...(old as readonly Scalar[]), value] : [old as Scalar, value];
}
