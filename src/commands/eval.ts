/**
 * `eval`: assignments left to right, each seeing the earlier ones; a null result removes the
 * field; a boolean result is an error, as in Splunk. `{field}` as a target names the field after
 * the value of `field` (dynamic field names).
 */
import type { FieldValue, Row } from '../data/event.js';
import { SplError } from '../errors/spl-error.js';
import { asString } from '../eval/coerce.js';
import { compileExpression } from '../eval/compile.js';
import { returnsBoolean } from '../eval/static-type.js';
import type { Compiled } from '../eval/types.js';
import type { EvalAssignment, EvalCommand } from '../spl/commands/index.js';
import { streaming, type CommandImpl } from './types.js';

interface Step {
  readonly target: (row: Row) => string | null;
  readonly value: Compiled;
  readonly assignment: EvalAssignment;
}

export const evalCommand: CommandImpl<EvalCommand> = {
  kind: 'eval',
  needsOrder: false,
  compile(cmd, bind) {
    const steps = cmd.assignments.map((a): Step => {
      if (returnsBoolean(a.expr)) throw new SplError('B104', { command: 'eval' }, { span: a.expr.span });
      return { target: targetOf(a.field), value: compileExpression(a.expr, { clock: bind.clock, command: 'eval' }), assignment: a };
    });
    return streaming((row, next) => {
      for (const s of steps) assign(row, s);
      next.push(row);
    });
  },
};

function targetOf(field: string): (row: Row) => string | null {
  const m = /^\{(.+)\}$/.exec(field);
  if (!m) return () => field;
  const source = m[1]!;
  return (row) => asString((row.fields.get(source) ?? null) as Parameters<typeof asString>[0]);
}

function assign(row: Row, step: Step): void {
  const name = step.target(row);
  if (name === null) return;
  const v = step.value(row);
  if (typeof v === 'boolean') {
    throw new SplError('B104', { command: 'eval' }, { span: step.assignment.expr.span });
  }
  if (v === null) row.fields.delete(name);
  else row.fields.set(name, v as FieldValue);
}
