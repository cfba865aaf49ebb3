/**
 * bind(pipeline) -> Plan: every command resolved in the registry and compiled once into an
 * operator, before any event is read. Where a command needs newest-first input and the stream is
 * still in reading order, a time-order step is inserted (spec 07 O6); the same happens at the end
 * for event results.
 */
import { SplError } from '../errors/spl-error.js';
import { commandImpl, commandName } from '../commands/registry.js';
import type { Mergeable, Operator, StreamOrder } from '../commands/types.js';
import type { Command, Pipeline } from '../spl/ast.js';
import { fieldsRead } from './fields-read.js';
import type { Clock } from '../time/clock.js';
import { NO_SERVICES, type Services } from '../commands/services.js';
import { timeOrderOperator } from '../exec/time-order.js';

export interface Plan {
  readonly operators: readonly Operator[];
  /** The first command makes its own results: no events are read. */
  readonly generating: boolean;
  /** 'events' when no transforming command ran (output field order differs, spec 07 O4). */
  readonly resultKind: 'events' | 'table';
  /** Declared output columns of a table (`table a b`, stats' BY and outputs), patterns allowed. */
  readonly columns: readonly string[] | null;
  /** The event fields the search reads (projection); null = all of them. */
  readonly fieldsNeeded: ReadonlySet<string> | null;
  /** How many leading operators work row by row (`perRow`), so parts of the events can run apart. */
  readonly perRowPrefix: number;
  /** The operator right after that prefix, when its state merges from parts (stats). */
  readonly mergeable?: Mergeable;
}

export interface BindOptions {
  readonly clock: Clock;
  readonly services?: Services;
  /** A pipeline run over rows of the enclosing search (appendpipe, foreach): already ordered, no start rules. */
  readonly nested?: boolean;
  /** A subsearch: its generating command needs no leading `|` (`[inputlookup x | fields f]`, `[tstats ...]`). */
  readonly subsearch?: boolean;
}

export function bind(pipeline: Pipeline, options: BindOptions): Plan {
  const services = options.services ?? NO_SERVICES;
  const generating = options.nested ? false : checkStart(pipeline, options.subsearch ?? false);
  const operators: Operator[] = [];
  let order: StreamOrder = generating || options.nested ? 'ordered' : 'input';
  let transforms = false;
  let columns: readonly string[] | null = null;
  // Projection: the fields read up to the first transforming command; null once any reads 'all'.
  let needed: Set<string> | null = new Set(['_time', '_raw']);
  let readingEvents = true;
  let perRowPrefix = 0;
  let mergeable: Mergeable | undefined;
  for (const [i, cmd] of pipeline.commands.entries()) {
    const impl = commandImpl(cmd);
    if (!impl) throw new SplError('B007', { command: commandName(cmd) }, { span: cmd.span });
    if (impl.generating && i > 0 && !impl.appends?.(cmd)) throw new SplError('B008', { command: commandName(cmd), reason: 'a generating command must come first, after "|"' }, { span: cmd.span });
    if (impl.needsOrder && order === 'input') {
      operators.push(timeOrderOperator);
      order = 'ordered';
    }
    const compiled = impl.compile(cmd, { clock: options.clock, order, services });
    if (operators.length === perRowPrefix && compiled.perRow === true) perRowPrefix++;
    else if (operators.length === perRowPrefix && mergeable === undefined) mergeable = compiled.mergeable;
    operators.push(compiled.operator);
    if (compiled.ordersOutput) order = 'ordered';
    transforms ||= compiled.transforms;
    if (compiled.columns) columns = compiled.columns(columns);
    else if (compiled.transforms) columns = null;
    if (readingEvents) needed = addFieldsRead(needed, cmd);
    if (compiled.transforms) readingEvents = false;
  }
  if (order === 'input') operators.push(timeOrderOperator);
  return { operators, generating, resultKind: transforms ? 'table' : 'events', columns, fieldsNeeded: transforms ? needed : null, perRowPrefix, mergeable };
}

function addFieldsRead(needed: Set<string> | null, cmd: Command): Set<string> | null {
  const read = fieldsRead(cmd);
  if (needed === null || read === 'all') return null;
  for (const f of read) needed.add(f);
  return needed;
}

/**
 * A search starts with events (an implicit or explicit `search`) or, after a leading `|`, with a
 * generating command. `| search x` is the same as `search x` (three security_content searches).
 */
function checkStart(pipeline: Pipeline, subsearch: boolean): boolean {
  const first = pipeline.commands[0];
  if (!first) return false;
  const impl = commandImpl(first);
  if (impl?.generating) {
    if (!pipeline.leadingPipe && !subsearch) throw new SplError('B008', { command: commandName(first), reason: 'a generating command needs a leading "|"' }, { span: first.span });
    return true;
  }
  if (pipeline.leadingPipe && first.kind !== 'search') {
    if (!impl) throw new SplError('B007', { command: commandName(first) }, { span: first.span });
    throw new SplError('B008', { command: commandName(first), reason: 'this command does not generate results, so it cannot start a search' }, { span: first.span });
  }
  return false;
}
