/** Datasets as Splunk would index them (issue 6): where the files are, their metadata, their timestamps. */
export type { DatasetInput, DatasetTime } from './types.js';
export { resolveAttackData, resolveDataPath, datasetsRelative } from './resolve.js';
export { loadDatasetDescriptor, descriptorFrom, type DatasetDescriptor } from './descriptor.js';
export { loadDetectionDatasets } from './detection.js';
export { BUILTIN_PROPS, parseProps, loadTimestampRules, TimestampRuleSet } from './props.js';
export type { CompiledTimestampRule, TimestampFound, TimestampOrigin, TimestampSettings } from './timestamp-rule.js';
