/**
 * `rename old AS new, ...` (spec 02): pairs apply left to right; the value moves, the old field
 * goes; renaming a missing field removes the target (R3); `*` captures carry over (R4). Fields
 * keep their position, so a renamed stats column stays where it was.
 */
import type { FieldValue } from '../data/event.js';
import { SplError } from '../errors/spl-error.js';
import { escapeRegex } from '../search/wildcard.js';
import type { RenameCommand, RenamePair } from '../spl/ast.js';
import { streaming, type CommandImpl } from './types.js';

type Renamer = (fields: Map<string, FieldValue>) => Map<string, FieldValue>;

export const renameCommand: CommandImpl<RenameCommand> = {
  kind: 'rename',
  needsOrder: false,
  compile(cmd) {
    checkDistinctSources(cmd.pairs);
    const renamers = cmd.pairs.map(compilePair);
    const step = streaming((row, next) => {
      let fields = row.fields;
      for (const r of renamers) fields = r(fields);
      next.push(fields === row.fields ? row : { fields, seq: row.seq });
    });
    return { ...step, columns: (previous) => previous && renameColumns(previous, renamers) };
  },
};

/** Declared table columns follow the renames: `stats count by a | rename a AS b` has columns b, count. */
function renameColumns(columns: readonly string[], renamers: readonly Renamer[]): string[] {
  let fields = new Map<string, FieldValue>(columns.map((c) => [c, '']));
  for (const r of renamers) fields = r(fields);
  return [...fields.keys()];
}

/** R5: one field cannot get two names in one command. */
function checkDistinctSources(pairs: readonly RenamePair[]): void {
  const seen = new Map<string, RenamePair>();
  for (const p of pairs) {
    const first = seen.get(p.from);
    if (first && !p.from.includes('*')) {
      throw new SplError('B004', { name: p.from, first: first.to, second: p.to }, { span: p.span });
    }
    seen.set(p.from, p);
  }
}

function compilePair(pair: RenamePair): Renamer {
  const stars = (s: string): number => s.split('*').length - 1;
  if (stars(pair.from) === 0 && stars(pair.to) === 0) return (fields) => renameOne(fields, pair.from, pair.to);
  if (stars(pair.from) !== stars(pair.to)) {
    throw new SplError('B003', { from: pair.from, to: pair.to }, { span: pair.span });
  }
  return wildcardRenamer(pair.from, pair.to);
}

/** R2/R3 with position kept: the new name takes the old name's place. */
function renameOne(fields: Map<string, FieldValue>, from: string, to: string): Map<string, FieldValue> {
  if (from === to) return fields;
  if (!fields.has(from)) {
    if (!fields.has(to)) return fields;
    const out = new Map(fields);
    out.delete(to);
    return out;
  }
  const out = new Map<string, FieldValue>();
  const value = fields.get(from)!;
  for (const [k, v] of fields) {
    if (k === from) out.set(to, value);
    else if (k !== to) out.set(k, v);
  }
  return out;
}

/** R4: each `*` captures (non-greedy, the last greedy) and fills the matching `*` of the target. */
function wildcardRenamer(from: string, to: string): Renamer {
  const parts = from.split('*').map(escapeRegex);
  const groups = parts.slice(1).map((p, i) => (i === parts.length - 2 ? `(.*)${p}` : `(.*?)${p}`));
  const re = new RegExp(`^${parts[0]}${groups.join('')}$`, 's');
  const target = to.split('*');
  return (fields) => {
    let out = fields;
    for (const name of [...fields.keys()]) {
      const m = re.exec(name);
      if (!m) continue;
      const newName = target.reduce((acc, piece, i) => acc + (i === 0 ? '' : m[i]) + piece, '');
      out = renameOne(out, name, newName);
    }
    return out;
  };
}
