/**
 * `outputlookup [append=<bool>] [create_empty=<bool>] [override_if_empty=<bool>] [max=<int>]
 * [output_format=splunk_sv_csv|splunk_mv_csv] ... <lookup>`: writes the results to a CSV lookup
 * file and passes them on unchanged (Search Reference, outputlookup). The file is always written
 * in the first writable `--lookups` folder: a definition's `filename` (a KV store definition:
 * `<collection>.csv`), a `.csv`/`.csv.gz` name as given, any other name with `.csv` added. It
 * never writes outside that folder: no paths in names, no writing through a link that leads out.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Row } from '../data/event.js';
import { SplError } from '../errors/spl-error.js';
import { withoutStore } from '../lookups/bind.js';
import { checkLookupName, isFileWithin, lookupNameProblem, type LookupStore } from '../lookups/store.js';
import { writeLookupFile, type WriteOptions } from '../lookups/write.js';
import type { OutputlookupCommand } from '../spl/commands/outputlookup.js';
import { LOOKUP_OPTION_RULES } from './shared/option-rules.js';
import { OptionReader } from './shared/options.js';
import type { CommandImpl } from './types.js';

const OPTIONS = [
  'append', 'create_empty', 'override_if_empty', 'max', 'output_format',
  'key_field', 'allow_updates', 'createinapp', 'create_context',
];

export const outputlookupCommand: CommandImpl<OutputlookupCommand> = {
  kind: 'outputlookup',
  needsOrder: true,
  compile(cmd, ctx) {
    const options = new OptionReader('outputlookup', cmd.options, OPTIONS, LOOKUP_OPTION_RULES);
    const format = options.get('output_format');
    if (format && !/^splunk_(sv|mv)_csv$/i.test(format.value)) {
      const reason = `output_format must be splunk_sv_csv or splunk_mv_csv, not '${format.value}'`;
      throw new SplError('B008', { command: 'outputlookup', reason }, { span: format.span });
    }
    const write: WriteOptions = {
      append: options.boolean('append', false),
      createEmpty: options.boolean('create_empty', false),
      overrideIfEmpty: options.boolean('override_if_empty', true),
      multivalueColumns: /^splunk_mv_csv$/i.test(format?.value ?? ''),
    };
    options.boolean('allow_updates', false);
    options.boolean('createinapp', false);
    const max = options.integer('max', Number.MAX_SAFE_INTEGER);
    const store = ctx.services.lookups;
    if (!store) return withoutStore(cmd.lookup, 'outputlookup', { ordersOutput: false, transforms: false });
    const file = targetFile(store, cmd);
    return {
      operator: (next) => {
        const kept: Row[] = [];
        return {
          // A copy: commands after outputlookup may change the row before the file is written.
          push: (row) => {
            if (kept.length < max) kept.push({ fields: new Map(row.fields), seq: row.seq });
            next.push(row);
          },
          end: () => {
            try {
              writeLookupFile(file, kept, write);
            } catch (e) {
              throw e instanceof SplError ? e.withSpan(cmd.lookup.span) : e;
            }
            store.forget(file);
            next.end();
          },
        };
      },
      ordersOutput: false,
      transforms: false,
    };
  },
};

/** The file to write; B502/B503/B507 at the lookup name. */
function targetFile(store: LookupStore, cmd: OutputlookupCommand): string {
  const { name, span } = cmd.lookup;
  try {
    checkLookupName(name, 'outputlookup');
    const dir = store.writeDir();
    if (!dir) throw new SplError('B507', { name });
    const def = store.definition(name);
    if (def?.unusable) {
      throw new SplError('B503', { command: 'outputlookup', name, origin: def.origin, reason: def.unusable });
    }
    const asFile = /\.csv(\.gz)?$/i.test(name) ? name : `${name}.csv`;
    const fileName = def?.collection ? `${def.collection}.csv` : (def?.filename ?? asFile);
    const problem = lookupNameProblem(fileName);
    if (def && problem) {
      const reason = `its file '${fileName}' is not a plain file name: ${problem}`;
      throw new SplError('B504', { command: 'outputlookup', name, origin: def.origin, reason });
    }
    const file = join(dir, fileName);
    // Writing through a link would write wherever it leads: only a target inside the folder is written.
    if (existsSync(file) && !isFileWithin(file, dir)) throw new SplError('B508', { command: 'outputlookup', file, dir });
    return file;
  } catch (e) {
    throw e instanceof SplError ? e.withSpan(span) : e;
  }
}
