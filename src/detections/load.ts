/**
 * A detection YAML (security_content format) -> its `search:` as a QuerySource whose characters
 * map back into the YAML file, so errors point at file:line:column of the detection.
 */
import { readFileSync } from 'node:fs';
import { YAMLError } from 'yaml';
import { readTopLevelScalars } from '../macros/yaml-keys.js';
import { SplError } from '../errors/spl-error.js';
import { alignMapped } from '../macros/yaml-align.js';
import type { QuerySource } from '../pipeline.js';

export interface Detection {
  readonly name: string | undefined;
  readonly id: string | undefined;
  readonly query: QuerySource;
}

/** The top-level keys read from a detection. */
const DETECTION_KEYS: ReadonlySet<string> = new Set(['search', 'name', 'id']);

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
  // Lenient like security_content's own tooling (PyYAML): some real files need it. Only the keys
  // read here are decoded when the rest is certainly valid (the rest is mostly prose and tags).
  const parsed = readTopLevelScalars(text, DETECTION_KEYS);
  if (parsed instanceof YAMLError) {
    const pos = parsed.linePos?.[0];
    throw new SplError('I005', { file: path, reason: parsed.message.split('\n')[0]! }, { location: { file: path, line: pos?.line ?? 1, column: pos?.col } });
  }
  const search = parsed.scalars.get('search');
  if (typeof search?.value !== 'string') throw new SplError('I004', { file: path }, { location: { file: path, line: 1 } });
  const { value, start, end, style } = search;
  const mapped = alignMapped(value, parsed.text.slice(start, end), start, style, 0, parsed.toOriginal, parsed.toOriginal(start));
  return {
    name: stringField(parsed.scalars.get('name')?.value),
    id: stringField(parsed.scalars.get('id')?.value),
    query: { text: value, name: path, container: { text, mapped } },
  };
}

function stringField(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
