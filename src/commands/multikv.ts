/**
 * `multikv [copyattrs=<bool>] [fields <field-list>] [filter <term-list>] [forceheader=<int>]
 * [multitable=<bool>] [noheader=<bool>] [rmorig=<bool>]`: each row of a table in `_raw` becomes a
 * result whose fields are named by the header row (multikv-table.ts reads the table). Search
 * Reference, "multikv":
 * https://help.splunk.com/splunk-cloud-platform/spl-search-reference/10.0.2503/search-commands/multikv
 * - a new result's `_raw` is its row; copyattrs=true (default) copies the original's fields first;
 * - `fields` sets only the listed columns; `filter` keeps only rows containing one of the terms
 *   (as written, case-sensitively: UNVERIFIED);
 * - rmorig=true (default) drops the original; false emits it after the rows made from it;
 * - multitable (default true) is accepted, but a text is read as one table; `conf=` (multikv.conf
 *   stanzas) cannot run yet (B007).
 */
import type { Row } from '../data/event.js';
import { SplError } from '../errors/spl-error.js';
import type { MultikvCommand } from '../spl/commands/multikv.js';
import { readTable, type TableOptions } from './multikv-table.js';
import { inputText } from './rex.js';
import { OptionReader } from './shared/options.js';
import { compileFieldPattern } from './shared/field-patterns.js';
import { streaming, type CommandImpl } from './types.js';

const OPTIONS = ['conf', 'copyattrs', 'forceheader', 'multitable', 'noheader', 'rmorig'];

interface Settings {
  readonly table: TableOptions;
  readonly copyattrs: boolean;
  readonly rmorig: boolean;
  readonly keepColumn: (name: string) => boolean;
  readonly keepLine: (line: string) => boolean;
}

export const multikvCommand: CommandImpl<MultikvCommand> = {
  kind: 'multikv',
  needsOrder: false,
  compile(cmd) {
    const settings = readSettings(cmd);
    return streaming((row, next) => {
      for (const r of rowsOf(row, settings)) next.push(r);
    });
  },
};

function readSettings(cmd: MultikvCommand): Settings {
  const reader = new OptionReader('multikv', cmd.options, OPTIONS);
  const conf = reader.get('conf');
  if (conf) throw new SplError('B007', { command: 'multikv' }, { span: conf.span, notes: ['conf= (multikv.conf stanzas) cannot execute yet'] });
  reader.boolean('multitable', true);
  const forced = reader.get('forceheader');
  const table = { forceheader: forced ? reader.integer('forceheader', 1, 1) : undefined, noheader: reader.boolean('noheader', false) };
  if (cmd.fields?.length === 0 || cmd.filter?.length === 0) {
    const what = cmd.fields?.length === 0 ? 'fields' : 'filter';
    throw new SplError('B405', { command: 'multikv', reason: `"${what}" needs at least one value` }, { span: cmd.span });
  }
  const patterns = cmd.fields?.map((f) => compileFieldPattern(f.name, true)) ?? null;
  const terms = cmd.filter?.map((t) => t.text) ?? null;
  return {
    table,
    copyattrs: reader.boolean('copyattrs', true),
    rmorig: reader.boolean('rmorig', true),
    keepColumn: patterns ? (name) => patterns.some((p) => p.matches(name)) : () => true,
    keepLine: terms ? (line) => terms.some((t) => line.includes(t)) : () => true,
  };
}

/**
 * The results made from one result, in table order, then the original unless rmorig. They take
 * sequence numbers between the original's and the next one's, so ties on `_time` keep that order.
 */
function rowsOf(row: Row, s: Settings): Row[] {
  const raw = row.fields.get('_raw');
  const table = raw === undefined ? [] : readTable(inputText(raw), s.table).filter((r) => s.keepLine(r.line));
  const out: Row[] = [];
  const step = 1 / (table.length + 1);
  table.forEach((t, i) => {
    const fields = s.copyattrs ? new Map(row.fields) : new Map();
    fields.set('_raw', t.line);
    for (const [name, value] of t.cells) if (s.keepColumn(name)) fields.set(name, value);
    out.push({ fields, seq: row.seq + i * step });
  });
  if (!s.rmorig) out.push({ fields: row.fields, seq: row.seq + table.length * step });
  return out;
}
