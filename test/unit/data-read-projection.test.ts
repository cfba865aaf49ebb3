// With a projection, the reader picks out the wanted leaves while it validates each line
// (json-validate.ts collect); extraction then uses them instead of walking the text again. The
// fields must be exactly those of the text walk (flatten-text.ts), for envelopes and plain lines,
// keys with dots, arrays of objects, repeated keys (J3) and escapes.
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFields, projectionFilter } from '../../src/data/extract.js';
import { readEventBatches } from '../../src/data/load.js';
import type { RawEvent } from '../../src/data/event.js';

const dir = mkdtempSync(join(tmpdir(), 'splq-projection-'));
let n = 0;

async function read(lines: string[], wanted: ReadonlySet<string> | null): Promise<RawEvent[]> {
  const file = join(dir, `${n++}.ndjson`);
  writeFileSync(file, lines.join('\n') + '\n');
  const events: RawEvent[] = [];
  const projection = wanted === null ? undefined : projectionFilter(wanted);
  for await (const batch of readEventBatches([file], { zone: 'UTC', projection }, () => undefined)) events.push(...batch);
  return events;
}

/** Fields of each line, extracted with `wanted`, read with and without the reader's projection. */
async function bothWays(lines: string[], wanted: ReadonlySet<string>) {
  const picked = await read(lines, wanted);
  const walked = await read(lines, null);
  const fields = (evs: RawEvent[]) => evs.map((ev) => [...extractFields(ev, { wanted }).fields]);
  return { picked: fields(picked), walked: fields(walked), used: picked.filter((ev) => ev.leaves !== undefined).length };
}

const KEYS = ['a', 'b', 'a.b', 'c', 'x.y.z', '', 'é', 'event', 'time'];
const leaf = fc.oneof(fc.string(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null));
const value = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('v'), { maxLength: 3 }), fc.dictionary(fc.constantFrom(...KEYS), tie('v'), { maxKeys: 4 })),
})).v;
const payload = fc.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 5 });

function namesOf(v: unknown, prefix: string | null, out: Set<string>): void {
  if (Array.isArray(v)) v.forEach((e) => namesOf(e, prefix === null ? '{}' : prefix + '{}', out));
  else if (v !== null && typeof v === 'object') for (const [k, e] of Object.entries(v)) namesOf(e, prefix === null ? k : `${prefix}.${k}`, out);
  else if (prefix !== null) out.add(prefix);
}

describe('leaves picked out while reading', () => {
  it('give the fields of the text walk, for envelopes and plain lines', async () => {
    await fc.assert(
      fc.asyncProperty(payload, fc.boolean(), fc.array(fc.nat(), { maxLength: 4 }), async (p, envelope, picks) => {
        const names = new Set<string>();
        namesOf(p, null, names);
        const all = [...names, 'a.b', 'x.y.z', 'a{}.b', 'nope'];
        const wanted = new Set(['_time', '_raw', ...picks.map((i) => all[i % all.length]!)]);
        const line = envelope ? JSON.stringify({ time: 1714989612.5, sourcetype: 'st', event: p }) : JSON.stringify(p);
        const { picked, walked } = await bothWays([line], wanted);
        expect(picked).toEqual(walked);
      }),
      { numRuns: Number(process.env.SPLQ_FUZZ_RUNS ?? 300) },
    );
  });

  it('handle repeated keys, escapes, whitespace and a wanted `event` member of a plain line', async () => {
    const lines = [
      '{"time":1,"host":"h","event":{"a":1,"a":"two","b":{"c":"\\u00e9\\"q"},"l":[{"c":1},{"c":2.50}]}}',
      '{ "time" : 2 , "event" : { "a" : [ 1 , 2 ] , "b" : { "c" : "x" } } }',
      '{"event":{"a":1},"a":"plain","user":"u"}',
      '{"time":3,"event":"{\\"a\\":\\"embedded\\"}"}',
    ];
    const wanted = new Set(['_time', '_raw', 'a', 'b.c', 'l{}.c', 'event.a']);
    const { picked, walked, used } = await bothWays(lines, wanted);
    expect(picked).toEqual(walked);
    expect(used).toBe(2);
  });
});
