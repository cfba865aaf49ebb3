/** Datasets and replay (issue 6): resolving attack data, descriptors, props.conf, the HTTP Event Collector. */
export const DATASET_CODES = {
  I601: { phase: 'input', message: 'Dataset {data} not found: no file at {path}' },
  I602: { phase: 'input', message: 'Dataset {data} is a URL: give --data-root DIR (a local copy of the folder it names, e.g. attack_data/datasets) to read it from DIR/{relative}' },
  I603: { phase: 'input', message: 'Dataset URL {data} has no "datasets/" segment, so it cannot be mapped to a file under --data-root' },
  I604: { phase: 'input', message: 'Dataset descriptor {file}: {reason}' },
  I605: { phase: 'input', message: '{file}:{line}: {reason}' },
  I606: { phase: 'input', message: 'Detection {file} has no tests with attack_data to replay' },
  I607: { phase: 'input', message: 'Cannot write {file}: {reason}' },
  I610: { phase: 'input', message: 'HTTP Event Collector {url}: {reason}' },
  I611: { phase: 'input', message: 'HTTP Event Collector {url} rejected the events: HTTP {status} {reason}' },
  I612: { phase: 'input', message: 'HTTP Event Collector {url}: gave up after {attempts} attempts, the last one: {reason}' },
} as const;
