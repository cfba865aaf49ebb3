/**
 * attack_data dataset descriptors: `datasets: [{name, path, sourcetype, source, host?, index?}]`
 * (attack_data's per-technique YAML; paths `/datasets/...` are under --data-root), also the older
 * replay.yml shape (`replay_parameters: {sourcetype, source, index, update_timestamp}`), plus our
 * time settings: `time: {shift_to, tz, props, time_field}`.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { SplError } from '../errors/spl-error.js';
import { resolveDataPath } from './resolve.js';
import type { DatasetInput, DatasetTime } from './types.js';

export type { DatasetTime } from './types.js';

export interface DatasetDescriptor {
  readonly datasets: readonly DatasetInput[];
  readonly time?: DatasetTime;
}

type Yaml = Record<string, unknown>;

function isRecord(v: unknown): v is Yaml {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** An attack_data-style descriptor YAML: `datasets: [{name, path, sourcetype, source, host?, index?}]` (+ time settings). */
export function loadDatasetDescriptor(path: string, options: { dataRoot?: string }): DatasetDescriptor {
  let doc: unknown;
  try {
    doc = parseYaml(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new SplError('I604', { file: path, reason: firstLine(e) });
  }
  return descriptorFrom(doc, path, options);
}

/** A parsed descriptor document; `path` locates relative paths and names the file in errors. */
export function descriptorFrom(doc: unknown, path: string, options: { dataRoot?: string }): DatasetDescriptor {
  const fail = (reason: string) => new SplError('I604', { file: path, reason });
  if (!isRecord(doc) || !Array.isArray(doc.datasets)) throw fail('expected a `datasets:` list');
  const baseDir = dirname(path);
  let shiftNow = false;
  const datasets = doc.datasets.map((entry, i): DatasetInput => {
    if (!isRecord(entry)) throw fail(`datasets[${i}] is not a mapping`);
    const params = isRecord(entry.replay_parameters) ? { ...entry, ...entry.replay_parameters } : entry;
    const location = text(params.path) ?? text(params.data);
    if (location === undefined) throw fail(`datasets[${i}] has no path`);
    if (params.update_timestamp === true) shiftNow = true;
    return {
      path: resolveDataPath(location, { dataRoot: options.dataRoot ?? inferredRoot(path), baseDir }),
      sourcetype: text(params.sourcetype),
      source: text(params.source),
      host: text(params.host),
      index: text(params.index),
      name: text(params.name) ?? location,
    };
  });
  const time = timeSettings(doc.time, baseDir, fail, shiftNow);
  return time ? { datasets, time } : { datasets };
}

function timeSettings(value: unknown, baseDir: string, fail: (reason: string) => SplError, shiftNow: boolean): DatasetTime | undefined {
  if (value === undefined || value === null) return shiftNow ? { shiftTo: 'now' } : undefined;
  if (!isRecord(value)) throw fail('`time:` must be a mapping (shift_to, tz, props, time_field)');
  const known = new Set(['shift_to', 'tz', 'props', 'time_field']);
  const unknown = Object.keys(value).find((k) => !known.has(k));
  if (unknown !== undefined) throw fail(`unknown key "time.${unknown}" (expected shift_to, tz, props, time_field)`);
  const props = value.props === undefined ? undefined : (Array.isArray(value.props) ? value.props : [value.props]).map((p) => {
    if (typeof p !== 'string') throw fail('`time.props` must be a path or a list of paths');
    return resolve(baseDir, p);
  });
  const shiftTo = text(value.shift_to) ?? (shiftNow ? 'now' : undefined);
  return { shiftTo, tz: text(value.tz), props, timeField: text(value.time_field) };
}

/**
 * The data root a descriptor inside attack_data implies: the folder holding the `datasets`
 * segment of its own path (`.../attack_data/datasets/attack_techniques/T1/x/x.yml` -> `.../datasets`).
 */
function inferredRoot(path: string): string | undefined {
  const parts = resolve(path).split(/[\\/]/);
  const at = parts.lastIndexOf('datasets', parts.length - 2);
  return at > 0 ? parts.slice(0, at + 1).join('/') : undefined;
}

function text(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() === '' ? undefined : v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

function firstLine(e: unknown): string {
  return ((e as Error)?.message ?? String(e)).split('\n')[0]!;
}
