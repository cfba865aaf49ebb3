/**
 * Dataset locations -> local files. A security_content test names its data by URL
 * (`https://media.githubusercontent.com/media/splunk/attack_data/master/datasets/attack_techniques/
 * T1526/x/y.json`); offline, that is the file `<dataRoot>/attack_techniques/T1526/x/y.json`: the URL
 * path after its `datasets/` segment, under a local copy of that folder. attack_data descriptors
 * write the same place as `/datasets/attack_techniques/...`. Anything else is a path relative to
 * the file that names it.
 */
import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SplError } from '../errors/spl-error.js';
import type { DatasetInput } from './types.js';

export type { DatasetInput } from './types.js';

export interface ResolveOptions {
  /** A local copy of attack_data's `datasets/` folder (`--data-root`). */
  readonly dataRoot?: string;
  /** The folder plain relative paths are read from (the YAML's own folder). */
  readonly baseDir: string;
}

const URL_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
const DATASETS_PREFIX = /^\/datasets\//;

/** A `tests:` attack_data entry of a detection YAML: `data` is a URL or a path. */
export function resolveAttackData(
  entry: { data: string; source?: string; sourcetype?: string },
  options: { dataRoot?: string; baseDir: string },
): DatasetInput {
  const path = resolveDataPath(entry.data.trim(), options);
  return { path, sourcetype: entry.sourcetype, source: entry.source, name: entry.data.trim() };
}

/** The local file a dataset location names; an SplError naming both when it is not there. */
export function resolveDataPath(data: string, options: ResolveOptions): string {
  if (/^file:\/\//i.test(data)) return existing(data, fileURLToPath(data));
  if (URL_SCHEME.test(data)) return existing(data, underRoot(data, datasetsRelative(data), options.dataRoot));
  if (isAbsolute(data) && existsSync(data)) return data;
  // attack_data descriptors: `/datasets/attack_techniques/...` is relative to the repository.
  if (DATASETS_PREFIX.test(data) && options.dataRoot !== undefined) {
    return existing(data, underRoot(data, data.slice('/datasets/'.length), options.dataRoot));
  }
  return existing(data, isAbsolute(data) ? data : resolve(options.baseDir, data));
}

/** The URL's path after its first `datasets` segment, decoded: `attack_techniques/T1526/x/y.json`. */
export function datasetsRelative(url: string): string {
  let pathname: string;
  try {
    pathname = new URL(url).pathname;
  } catch {
    throw new SplError('I603', { data: url });
  }
  const segments = pathname.split('/').filter((s) => s !== '');
  const at = segments.indexOf('datasets');
  if (at < 0 || at === segments.length - 1) throw new SplError('I603', { data: url });
  return segments.slice(at + 1).map(decodeSegment).join('/');
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function underRoot(data: string, relative: string, dataRoot: string | undefined): string {
  if (dataRoot === undefined) throw new SplError('I602', { data, relative });
  // `..` would leave the data root: such a URL names no file of the repository.
  if (relative.split('/').some((s) => s === '..' || s === '.')) throw new SplError('I603', { data });
  return join(dataRoot, ...relative.split('/'));
}

function existing(data: string, path: string): string {
  if (!existsSync(path)) throw new SplError('I601', { data, path });
  return path;
}
