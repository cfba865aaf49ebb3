/**
 * One detection file -> its tests: the `tests:` block of the detection YAML, then those of its
 * `*.test.yml` sidecar; its schedule (the window its scheduled search runs over) and whether
 * contentctl would skip it (deprecated detections, `tags.manual_test`).
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml, YAMLError } from 'yaml';
import { parseYamlLenient } from '../macros/yaml-lenient.js';
import { sidecarOf } from './discover.js';
import { isRecord, parseTests } from './spec.js';
import type { DetectionTests, TestCase, WindowSpec } from './types.js';

/** Undefined when the file is not a detection (no `search:`) and was not named explicitly. */
export function loadDetectionTests(file: string, explicit: boolean): DetectionTests | undefined {
  let doc: Record<string, unknown>;
  try {
    doc = readYaml(file, true);
  } catch (e) {
    return failed(file, (e as Error).message);
  }
  if (typeof doc.search !== 'string') return explicit ? failed(file, `${file} has no search`) : undefined;
  const name = typeof doc.name === 'string' ? doc.name : file;
  return {
    path: file,
    name,
    id: typeof doc.id === 'string' ? doc.id : undefined,
    skip: skipReason(doc),
    schedule: scheduleOf(doc),
    tests: [...parseTests(doc.tests, file), ...sidecarTests(file)],
  };
}

function sidecarTests(detection: string): TestCase[] {
  const sidecar = sidecarOf(detection);
  if (!sidecar) return [];
  let doc: Record<string, unknown>;
  try {
    doc = readYaml(sidecar, false);
  } catch (e) {
    return [{ name: sidecar, file: sidecar, attackData: [], datasets: [], window: {}, macros: [], problem: (e as Error).message }];
  }
  return parseTests(doc.tests, sidecar);
}

/** contentctl does not test deprecated detections, nor those marked for manual testing. */
function skipReason(doc: Record<string, unknown>): string | undefined {
  if (doc.status === 'deprecated') return 'deprecated detection';
  const tags = isRecord(doc.tags) ? doc.tags : {};
  if (typeof tags.manual_test === 'string') return `manual test: ${tags.manual_test.trim()}`;
  return undefined;
}

/**
 * The scheduled window, in any of the forms content repositories use: `deployment.scheduling`
 * (security_content before contentctl), `dispatch.earliest_time`/`dispatch.latest_time`
 * (savedsearches.conf names, flat or nested) or `schedule: {earliest_time, latest_time}`.
 */
export function scheduleOf(doc: Record<string, unknown>): WindowSpec {
  const deployment = isRecord(doc.deployment) && isRecord(doc.deployment.scheduling) ? doc.deployment.scheduling : {};
  const dispatch = isRecord(doc.dispatch) ? doc.dispatch : {};
  const schedule = isRecord(doc.schedule) ? doc.schedule : {};
  const pick = (key: string): string | undefined => {
    for (const v of [doc[`dispatch.${key}`], dispatch[key], schedule[key], deployment[key]]) {
      if (typeof v === 'string' || typeof v === 'number') return String(v);
    }
    return undefined;
  };
  return { earliest: pick('earliest_time'), latest: pick('latest_time') };
}

function readYaml(file: string, lenient: boolean): Record<string, unknown> {
  const text = readFileSync(file, 'utf8');
  let value: unknown;
  if (lenient) {
    const parsed = parseYamlLenient(text);
    if (parsed instanceof YAMLError) throw new Error(`${file}: ${parsed.message.split('\n')[0]}`);
    value = parsed.doc.toJS();
  } else {
    try {
      value = parseYaml(text);
    } catch (e) {
      throw new Error(`${file}: ${(e as Error).message.split('\n')[0]}`);
    }
  }
  if (!isRecord(value)) throw new Error(`${file}: not a YAML mapping`);
  return value;
}

function failed(file: string, problem: string): DetectionTests {
  return { path: file, name: file, schedule: {}, tests: [], problem };
}
