/**
 * Run one command of a parsed search over rows built from plain objects (arrays are multivalue),
 * through its compiled operator, without reading events: for the execution tests of single
 * commands (addtotals, replace, extract, multikv).
 */
import { commandImpl } from '../../../src/commands/registry.js';
import { NO_SERVICES } from '../../../src/commands/services.js';
import type { StreamOrder } from '../../../src/commands/types.js';
import type { FieldValue, Row } from '../../../src/data/event.js';
import { parse } from '../../../src/spl/parse.js';

export type Fields = Record<string, FieldValue>;

/** The rows the last command of `spl` gives for `input` (in that order, sequence numbers 0..n-1). */
export function runLast(spl: string, input: readonly Fields[], order: StreamOrder = 'ordered'): Fields[] {
  const pipeline = parse(spl);
  const cmd = pipeline.commands[pipeline.commands.length - 1]!;
  const impl = commandImpl(cmd);
  if (!impl) throw new Error(`no implementation for ${cmd.kind}`);
  const compiled = impl.compile(cmd, { clock: { now: 1_700_000_000, zone: 'UTC' }, order, services: NO_SERVICES });
  const out: Row[] = [];
  const sink = compiled.operator({ push: (r) => out.push(r), end: () => undefined });
  input.forEach((fields, seq) => sink.push({ fields: new Map(Object.entries(fields)), seq }));
  sink.end();
  return out.map((r) => Object.fromEntries(r.fields));
}
