import { describe, expect, it } from 'vitest';
import type { FieldValue } from '../../src/data/event.js';
import { eventFieldOrder, eventResults, isShownEventField } from '../../src/output/field-order.js';

const row = (...names: string[]): Map<string, FieldValue> => new Map(names.map((n) => [n, 'x']));

describe('eventFieldOrder (O4, J7)', () => {
  it('lists the union of fields in byte order with _raw and _time first', () => {
    const rows = [row('status', 'host', '_time', '_raw'), row('user', 'index', '_time', '_raw')];
    expect(eventFieldOrder(rows)).toEqual(['_raw', '_time', 'host', 'index', 'status', 'user']);
  });

  it('orders REST default fields as the O4 sample (hidden internals dropped)', () => {
    const rest = ['splunk_server', 'sourcetype', 'source', 'linecount', 'index', 'host', '_time'];
    const internals = ['_subsecond', '_sourcetype', '_si', '_serial', '_raw', '_indextime', '_cd', '_bkt'];
    expect(eventFieldOrder([row(...rest, ...internals)])).toEqual([
      '_raw', '_time', 'host', 'index', 'linecount', 'source', 'sourcetype', 'splunk_server',
    ]);
  });

  it('uses byte order: upper case before lower case, digits before letters, ASCII before non-ASCII', () => {
    const rows = [row('b', 'a', 'B', 'é', '1x', 'a.b', 'a{}.c', 'Zz')];
    expect(eventFieldOrder(rows)).toEqual(['1x', 'B', 'Zz', 'a', 'a.b', 'a{}.c', 'b', 'é']);
  });

  it('puts astral characters after U+FFFD as UTF-8 does', () => {
    expect(eventFieldOrder([row('😀', '\uFFFD', 'z')])).toEqual(['z', '\uFFFD', '😀']);
  });

  it('is empty for no rows', () => {
    expect(eventFieldOrder([])).toEqual([]);
  });

  it('shows only _raw and _time among internal fields', () => {
    expect(['_raw', '_time', 'host', '_indextime', '_cd', '_'].map(isShownEventField)).toEqual([
      true, true, true, false, false, false,
    ]);
  });

  it('eventResults builds an events result set', () => {
    const rows = [row('b', 'a')];
    expect(eventResults(rows)).toEqual({ fields: ['a', 'b'], rows, kind: 'events' });
  });
});
