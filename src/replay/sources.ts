/**
 * What `splq replay DATASET...` arguments name: a dataset descriptor YAML (`datasets:`), a
 * detection YAML (its tests' attack_data), or event files and folders (metadata from the options).
 */
import { SplError } from '../errors/spl-error.js';
import { descriptorFrom } from '../datasets/descriptor.js';
import { loadDetectionDatasets, readYaml } from '../datasets/detection.js';
import type { DatasetInput, DatasetTime } from '../datasets/types.js';

export interface SourceDefaults {
  readonly dataRoot?: string;
  readonly sourcetype?: string;
  readonly source?: string;
  readonly host?: string;
  readonly index?: string;
}

export interface ReplaySources {
  readonly datasets: DatasetInput[];
  /** Time settings of the descriptors given, in order. */
  readonly times: DatasetTime[];
}

const YAML = /\.ya?ml$/i;

/** The datasets the arguments name; the options fill metadata a dataset does not give. */
export function collectSources(args: readonly string[], defaults: SourceDefaults): ReplaySources {
  const datasets: DatasetInput[] = [];
  const times: DatasetTime[] = [];
  for (const arg of args) {
    if (!YAML.test(arg)) {
      datasets.push({ path: arg, name: arg });
      continue;
    }
    const doc = readYaml(arg);
    const isObject = typeof doc === 'object' && doc !== null && !Array.isArray(doc);
    if (isObject && 'datasets' in doc) {
      const d = descriptorFrom(doc, arg, { dataRoot: defaults.dataRoot });
      datasets.push(...d.datasets);
      if (d.time) times.push(d.time);
    } else if (isObject && ('tests' in doc || 'search' in doc)) {
      datasets.push(...loadDetectionDatasets(arg, { dataRoot: defaults.dataRoot }));
    } else {
      throw new SplError('I604', { file: arg, reason: 'neither a dataset descriptor (`datasets:`) nor a detection (`tests:`)' });
    }
  }
  return { datasets: datasets.map((d) => withDefaults(d, defaults)), times };
}

function withDefaults(d: DatasetInput, defaults: SourceDefaults): DatasetInput {
  return {
    ...d,
    sourcetype: d.sourcetype ?? defaults.sourcetype,
    source: d.source ?? defaults.source,
    host: d.host ?? defaults.host,
    index: d.index ?? defaults.index,
  };
}
