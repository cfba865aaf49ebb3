/**
 * The timestamp subset of props.conf (spec 06 J6, 10 K3): `[<sourcetype>]` stanzas with
 * TIMESTAMP_FIELDS, TIME_PREFIX, TIME_FORMAT, TZ and MAX_TIMESTAMP_LOOKAHEAD. Other keys and
 * `source::`/`host::` stanzas are ignored. Layers apply per key, later ones winning (Splunk's
 * default/local layering): the built-in rules below, then each `--props` file in order. Stanzas
 * match the event's sourcetype exactly, else case-insensitively (the corpus writes
 * `XmlWinEventLog` and `xmlwineventlog` for the same data), with `[default]` under every stanza.
 */
import { readFileSync } from 'node:fs';
import { SplError } from '../errors/spl-error.js';
import { PcreError, compilePcre } from '../eval/pcre.js';
import type { TimestampRules } from '../data/event-time.js';
import { validateZone } from '../time/clock.js';
import { compileTimestampRule, type CompiledTimestampRule, type TimestampSettings } from './timestamp-rule.js';

/**
 * Built-in rules for the sourcetypes of the bundled data (EKS and Kubernetes audit, CloudTrail)
 * and the corpus' other JSON sourcetypes whose time field is known. M365's CreationTime is UTC
 * written without a zone.
 */
export const BUILTIN_PROPS = `
[aws:cloudwatchlogs:eks]
TIMESTAMP_FIELDS = requestReceivedTimestamp

[kube:apiserver:audit]
TIMESTAMP_FIELDS = requestReceivedTimestamp

[aws:cloudtrail]
TIMESTAMP_FIELDS = eventTime

[o365:management:activity]
TIMESTAMP_FIELDS = CreationTime
TZ = UTC

[OktaIM2:log]
TIMESTAMP_FIELDS = published
`;

const KEYS = ['TIMESTAMP_FIELDS', 'TIME_PREFIX', 'TIME_FORMAT', 'TZ', 'MAX_TIMESTAMP_LOOKAHEAD'] as const;
type Key = (typeof KEYS)[number];
const KEY_SET: ReadonlySet<string> = new Set(KEYS);
const IGNORED_STANZA = /^(source|host|rule|delayedrule)::/;

/** One stanza's timestamp settings as written. */
export type PropsStanza = ReadonlyMap<Key, string>;

/** The timestamp settings of a props.conf text, by stanza name; settings are checked here (I605). */
export function parseProps(text: string, file: string): Map<string, PropsStanza> {
  const stanzas = new Map<string, Map<Key, string>>();
  let current: Map<Key, string> | undefined = getOrAdd(stanzas, 'default');
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const trimmed = lines[i]!.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const header = /^\[(.*)\]$/.exec(trimmed);
    if (header) {
      const name = header[1]!.trim();
      current = IGNORED_STANZA.test(name) ? undefined : getOrAdd(stanzas, name);
      continue;
    }
    const kv = /^([^=]+?)\s*=\s*(.*)$/.exec(trimmed);
    if (!kv) throw new SplError('I605', { file, line: i + 1, reason: `expected "key = value" or "[stanza]", found "${trimmed}"` });
    const line = i + 1;
    let value = kv[2]!;
    while (value.endsWith('\\') && i + 1 < lines.length) value = `${value.slice(0, -1)}\n${lines[++i]!.trim()}`;
    if (current === undefined || !KEY_SET.has(kv[1]!)) continue;
    checkSetting(kv[1] as Key, value, file, line);
    current.set(kv[1] as Key, value);
  }
  return stanzas;
}

function getOrAdd(stanzas: Map<string, Map<Key, string>>, name: string): Map<Key, string> {
  let s = stanzas.get(name);
  if (!s) stanzas.set(name, (s = new Map()));
  return s;
}

function checkSetting(key: Key, value: string, file: string, line: number): void {
  const fail = (reason: string) => new SplError('I605', { file, line, reason: `${key}: ${reason}` });
  if (key === 'TZ' && !validateZone(value)) throw fail(`unknown time zone "${value}"`);
  if (key === 'MAX_TIMESTAMP_LOOKAHEAD' && !/^\d+$/.test(value)) throw fail(`expected a number of characters, found "${value}"`);
  if (key === 'TIME_PREFIX') {
    try {
      compilePcre(value);
    } catch (e) {
      if (e instanceof PcreError) throw fail(e.message);
      throw e;
    }
  }
}

function settingsOf(stanza: PropsStanza): TimestampSettings {
  const fields = stanza.get('TIMESTAMP_FIELDS');
  const lookahead = stanza.get('MAX_TIMESTAMP_LOOKAHEAD');
  return {
    timestampFields: fields?.split(',').map((f) => f.trim()).filter((f) => f !== ''),
    timePrefix: stanza.get('TIME_PREFIX'),
    timeFormat: stanza.get('TIME_FORMAT'),
    tz: stanza.get('TZ'),
    maxLookahead: lookahead === undefined ? undefined : Number(lookahead),
  };
}

/** Layered timestamp rules by sourcetype: built-ins, then props.conf files, later keys winning. */
export class TimestampRuleSet {
  private readonly compiled = new Map<string, CompiledTimestampRule | undefined>();
  private readonly byLowerName = new Map<string, string>();

  private constructor(private readonly stanzas: ReadonlyMap<string, PropsStanza>) {
    for (const name of stanzas.keys()) if (!this.byLowerName.has(name.toLowerCase())) this.byLowerName.set(name.toLowerCase(), name);
  }

  /** Built-ins (unless `builtins: false`), then each file in order. */
  static load(paths: readonly string[], options: { builtins?: boolean } = {}): TimestampRuleSet {
    const layers = paths.map((p) => parseProps(readProps(p), p));
    return TimestampRuleSet.fromLayers(options.builtins === false ? layers : [parseProps(BUILTIN_PROPS, '<built-in props>'), ...layers]);
  }

  static fromLayers(layers: readonly ReadonlyMap<string, PropsStanza>[]): TimestampRuleSet {
    const merged = new Map<string, Map<Key, string>>();
    for (const layer of layers) {
      for (const [name, settings] of layer) {
        const into = getOrAdd(merged, name);
        for (const [k, v] of settings) into.set(k, v);
      }
    }
    return new TimestampRuleSet(merged);
  }

  /** The compiled rule for a sourcetype; undefined when no stanza (nor `[default]`) sets anything. */
  rule(sourcetype: string): CompiledTimestampRule | undefined {
    if (this.compiled.has(sourcetype)) return this.compiled.get(sourcetype);
    const name = this.stanzas.has(sourcetype) ? sourcetype : this.byLowerName.get(sourcetype.toLowerCase());
    const own = name === undefined ? undefined : this.stanzas.get(name);
    const base = this.stanzas.get('default');
    const settings = new Map([...(base ?? []), ...(own ?? [])]);
    const rule = settings.size === 0 ? undefined : compileTimestampRule(settingsOf(settings));
    this.compiled.set(sourcetype, rule);
    return rule;
  }

  /** The reader's lookup (ReadOptions.timestampRules). */
  readonly rules: TimestampRules = (sourcetype) => this.rule(sourcetype)?.extract;
}

function readProps(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new SplError('I003', { file: path, reason: (e as Error).message });
  }
}

/** Built-ins and `--props` files, as the CLI loads them. */
export function loadTimestampRules(paths: readonly string[] = []): TimestampRuleSet {
  return TimestampRuleSet.load(paths);
}
