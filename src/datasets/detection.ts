/**
 * The datasets of a detection YAML's unit tests (security_content `tests:`): every
 * `attack_data: [{data, source, sourcetype}]` entry of every test, resolved to local files.
 */
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { YAMLError } from 'yaml';
import { SplError } from '../errors/spl-error.js';
import { parseYamlLenient } from '../macros/yaml-lenient.js';
import { resolveAttackData } from './resolve.js';
import type { DatasetInput } from './types.js';

/** The attack_data entries of all tests of a detection, in order, each file once. */
export function loadDetectionDatasets(path: string, options: { dataRoot?: string }): DatasetInput[] {
  const doc = readYaml(path);
  const tests = isRecord(doc) && Array.isArray(doc.tests) ? doc.tests : [];
  const seen = new Set<string>();
  const out: DatasetInput[] = [];
  for (const test of tests) {
    const entries = isRecord(test) && Array.isArray(test.attack_data) ? test.attack_data : [];
    for (const entry of entries) {
      if (!isRecord(entry) || typeof entry.data !== 'string') continue;
      const input = resolveAttackData(
        { data: entry.data, source: str(entry.source), sourcetype: str(entry.sourcetype) },
        { dataRoot: options.dataRoot, baseDir: dirname(path) },
      );
      const key = `${input.path}\0${input.sourcetype ?? ''}\0${input.source ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(input);
    }
  }
  if (out.length === 0) throw new SplError('I606', { file: path });
  return out;
}

/** A YAML file as plain data, parsed as leniently as security_content's tooling does. */
export function readYaml(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new SplError('I003', { file: path, reason: (e as Error).message });
  }
  const parsed = parseYamlLenient(text);
  if (parsed instanceof YAMLError) throw new SplError('I005', { file: path, reason: parsed.message.split('\n')[0]! });
  return parsed.doc.toJS() as unknown;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
