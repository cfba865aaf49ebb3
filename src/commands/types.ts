/**
 * The contract every command implements. A command is compiled once per query into an operator:
 * a function from the downstream sink to the sink that receives this command's input. Streaming
 * commands pass rows on as they come; blocking commands keep only their state and emit at end().
 */
import type { Row } from '../data/event.js';
import type { Command, Pipeline } from '../spl/ast.js';
import type { Services } from './services.js';
import type { Clock } from '../time/clock.js';

export interface Sink {
  push(row: Row): void;
  end(): void;
}

export type Operator = (next: Sink) => Sink;

/**
 * How the rows reaching a command are ordered. `input`: events in reading order, not yet sorted
 * newest-first (the executor sorts only where order matters). `ordered`: final result order.
 */
export type StreamOrder = 'input' | 'ordered';

export interface BindContext {
  readonly clock: Clock;
  readonly order: StreamOrder;
  readonly services: Services;
}

/**
 * How a command shapes the output columns of a table: given the columns declared so far (null =
 * none), the columns after it. Entries may hold `*` patterns, resolved against the fields the rows
 * have. A transforming command without a column plan resets it (its rows' field order is used).
 */
export type ColumnPlan = (previous: readonly string[] | null) => readonly string[] | null;

/**
 * A blocking aggregation whose state can be built from parts of the input and merged, as Splunk's
 * indexers and search head do (stats on worker threads, issue 5). Merging the parts' states in
 * input order gives exactly the single-pass result.
 */
export interface Mergeable {
  /** A sink that aggregates; state() then gives its state as structured-clonable data (no end()). */
  partial(): PartialSink;
  /** The operator's sink, which also absorbs the states of partial sinks before end(). */
  merging(next: Sink): MergingSink;
}

export interface PartialSink extends Sink {
  state(): unknown;
}

export interface MergingSink extends Sink {
  absorb(state: unknown): void;
}

export interface CompiledCommand {
  readonly operator: Operator;
  /**
   * The operator maps or filters one row at a time, with no state and no dependence on order, so
   * it gives the same rows on any part of the events (a worker thread runs it on its part).
   */
  readonly perRow?: boolean;
  /** Set when the command's state merges from parts (see Mergeable). */
  readonly mergeable?: Mergeable;
  readonly columns?: ColumnPlan;
  /** Rows leave this command in their final order (transforming commands). */
  readonly ordersOutput: boolean;
  /** The results become a table (field order from the rows), not events. */
  readonly transforms: boolean;
}

export interface CommandImpl<C extends Command> {
  readonly kind: C['kind'];
  /** The command needs its input newest-first (order-dependent streaming commands). */
  readonly needsOrder: boolean;
  /** A generating command makes its results without input events (`| makeresults`, `| inputlookup x`). */
  readonly generating?: boolean;
  /**
   * A generating command that, written this way, appends to the results before it instead
   * (`inputlookup append=t`), so it may follow other commands.
   */
  appends?(cmd: C): boolean;
  /**
   * Subsearches to run before this search is bound; their rows reach `compile` via services.
   * `within` lists those of a pipeline the command binds itself (`appendpipe [...]`), recursively.
   */
  subsearches?(cmd: C, within: (nested: Pipeline) => readonly Pipeline[]): readonly Pipeline[];
  /** Check invariants and build the operator; throws SplError with spans on bad arguments. */
  compile(cmd: C, ctx: BindContext): CompiledCommand;
}

/**
 * A streaming command that maps or filters one row at a time. `step` must keep no state between
 * rows (the command is then `perRow` and may run on worker threads); commands that need state
 * build their own operator.
 */
export function streaming(step: (row: Row, next: Sink) => void): CompiledCommand {
  return {
    operator: (next) => ({ push: (row) => step(row, next), end: () => next.end() }),
    perRow: true,
    ordersOutput: false,
    transforms: false,
  };
}
