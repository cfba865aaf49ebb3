/**
 * A detection YAML (security_content format) -> its `search:` as a QuerySource whose characters
 * map back into the YAML file, so errors point at file:line:column of the detection.
 */
import { readFileSync } from 'node:fs';
import { isScalar, parseDocument } from 'yaml';
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
  const doc = parseDocument(text, { keepSourceTokens: true });
  if (doc.errors.length > 0) {
    const err = doc.errors[0]!;
    throw new SplError('I005', { file: path, reason: err.message.split('\n')[0]! }, { location: { file: path, line: err.linePos?.[0]?.line ?? 1, column: err.linePos?.[0]?.col } });
  }
  const node = doc.get('search', true);
  if (!isScalar(node) || typeof node.value !== 'string' || !node.range) {
    throw new SplError('I004', { file: path }, { location: { file: path, line: 1 } });
  }
  const [start, valueEnd] = node.range;
  const offsets = alignScalar(node.value, text.slice(start, valueEnd), start, node.type as ScalarStyle);
  const mapped = fromOffsets(node.value, 0, offsets, start);
  return {
    name: stringField(doc.get('name')),
    id: stringField(doc.get('id')),
    query: { text: node.value, name: path, container: { text, mapped } },
  };
}

function stringField(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
