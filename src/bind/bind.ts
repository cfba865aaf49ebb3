/**
 * bind(pipeline) -> Plan: every command resolved in the registry and compiled once into an
 * operator, before any event is read. Where a command needs newest-first input and the stream is
 * still in reading order, a time-order step is inserted (spec 07 O6); the same happens at the end
 * for event results.
 */
import { SplError } from '../errors/spl-error.js';
import { commandImpl, commandName } from '../commands/registry.js';
import type { Operator, StreamOrder } from '../commands/types.js';
import type { Pipeline } from '../spl/ast.js';
import type { Clock } from '../time/clock.js';
import { timeOrderOperator } from '../exec/time-order.js';

export interface Plan {
  readonly operators: readonly Operator[];
  /** 'events' when no transforming command ran (output field order differs, spec 07 O4). */
  readonly resultKind: 'events' | 'table';
}

export interface BindOptions {
  readonly clock: Clock;
}

export function bind(pipeline: Pipeline, options: BindOptions): Plan {
  // `| search x` at the start is the same as `search x` (three security_content searches use it).
  if (pipeline.leadingPipe && pipeline.commands[0]?.kind !== 'search') {
    const first = pipeline.commands[0]!;
    throw new SplError('B007', { command: commandName(first) }, { span: first.span, notes: ['generating commands cannot execute yet'] });
  }
  const operators: Operator[] = [];
  let order: StreamOrder = 'input';
  let transforms = false;
  for (const cmd of pipeline.commands) {
    const impl = commandImpl(cmd);
    if (!impl) throw new SplError('B007', { command: commandName(cmd) }, { span: cmd.span });
    if (impl.needsOrder && order === 'input') {
      operators.push(timeOrderOperator);
      order = 'ordered';
    }
    const compiled = impl.compile(cmd, { clock: options.clock, order });
    operators.push(compiled.operator);
    if (compiled.ordersOutput) order = 'ordered';
    transforms ||= compiled.transforms;
  }
  if (order === 'input') operators.push(timeOrderOperator);
  return { operators, resultKind: transforms ? 'table' : 'events' };
}
