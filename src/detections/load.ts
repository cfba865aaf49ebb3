/**
 * A detection YAML (security_content format) -> its `search:` as a QuerySource whose characters
 * map back into the YAML file, so errors point at file:line:column of the detection.
 */
import { readFileSync } from 'node:fs';
import { isScalar, YAMLError } from 'yaml';
import { parseYamlLenient } from '../macros/yaml-lenient.js';
import { SplError } from '../errors/spl-error.js';
import { alignScalar, type ScalarStyle } from '../macros/yaml-align.js';
import { fromOffsets } from '../macros/mapped.js';
import type { QuerySource } from '../pipeline.js';

export interface Detection {
  readonly name: string | undefined;
  readonly id: string | undefined;
  readonly query: QuerySource;
}

export function loadDetection(path: string): Detection {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new SplError('I003', { file: path, reason: (e as Error).message });
  }
  return parseDetection(text, path);
}

export function parseDetection(text: string, path: string): Detection {
  // Lenient like security_content's own tooling (PyYAML): some real files need it.
  const parsed = parseYamlLenient(text);
  if (parsed instanceof YAMLError) {
    const pos = parsed.linePos?.[0];
    throw new SplError('I005', { file: path, reason: parsed.message.split('\n')[0]! }, { location: { file: path, line: pos?.line ?? 1, column: pos?.col } });
  }
  const { doc } = parsed;
  const node = doc.get('search', true);
  if (!isScalar(node) || typeof node.value !== 'string' || !node.range) {
    throw new SplError('I004', { file: path }, { location: { file: path, line: 1 } });
  }
  const [start, valueEnd] = node.range;
  const offsets = alignScalar(node.value, parsed.text.slice(start, valueEnd), start, node.type as ScalarStyle).map(parsed.toOriginal);
  const mapped = fromOffsets(node.value, 0, offsets, parsed.toOriginal(start));
  return {
    name: stringField(doc.get('name')),
    id: stringField(doc.get('id')),
    query: { text: node.value, name: path, container: { text, mapped } },
  };
}

function stringField(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
