/**
 * What a blocking command holds, against the search's limits (in the spirit of limits.conf): a
 * count of groups or results against max_groups / max_rows, and, every few thousand, the heap
 * against max_memory. A search past a limit stops with an error that names the limit and its
 * flag (R701-R703) instead of the process running out of memory.
 */
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { SplError } from '../errors/spl-error.js';
import type { Span } from '../spl/ast.js';
import type { Limits } from './services.js';
import type { Operator } from './types.js';

const MIB = 1 << 20;
/** The heap is looked at once per this many held items (a look costs about a microsecond). */
const MEMORY_EVERY = 4096;
/** The young generation's share of node's heap limit. */
const YOUNG_GENERATION = 48 * MIB;
/** A forced collection is tried at most this often (ms): it can take a second on a large heap. */
const GC_INTERVAL = 2000;

export type HoldKind = 'max_groups' | 'max_rows';

/** Where a guard reports from: the command's name and span. */
export interface HoldSite {
  readonly limits: Limits;
  readonly command: string;
  readonly span?: Span;
}

/** A count of what one command instance holds; `add` throws R701/R702 past the limit. */
export class HoldLimit {
  private held = 0;
  private sinceCheck = 0;
  private readonly max: number;

  constructor(
    private readonly kind: HoldKind,
    readonly site: HoldSite,
  ) {
    this.max = kind === 'max_groups' ? site.limits.maxGroups : site.limits.maxRows;
  }

  /** `n` more items held. */
  add(n = 1): void {
    this.held += n;
    if (this.held > this.max) {
      const code = this.kind === 'max_groups' ? 'R701' : 'R702';
      throw new SplError(code, { limit: this.max, command: this.site.command }, { span: this.site.span });
    }
    this.sinceCheck += n;
    if (this.sinceCheck >= MEMORY_EVERY) {
      this.sinceCheck = 0;
      checkMemory(this.site);
    }
  }

  /** `n` items let go (a sort cutting back to its best N). */
  release(n: number): void {
    this.held = Math.max(0, this.held - n);
  }
}

/** A guard on results held, for the given command. */
export function rowLimit(limits: Limits, command: string, span?: Span): HoldLimit {
  return new HoldLimit('max_rows', { limits, command, span });
}

/** A guard on groups formed, for the given command. */
export function groupLimit(limits: Limits, command: string, span?: Span): HoldLimit {
  return new HoldLimit('max_groups', { limits, command, span });
}

/**
 * The heap a search may use, in bytes: max_memory, or else 85% of the old generation, which is
 * where held results live and what runs out: node's heap limit less the young generation (3
 * semi-spaces of 16 MiB on 64-bit V8: `--max-old-space-size=128` reports 176 MiB).
 */
export function memoryLimitBytes(limits: Limits): number {
  if (limits.maxMemoryMb > 0) return limits.maxMemoryMb * MIB;
  const old = getHeapStatistics().heap_size_limit - YOUNG_GENERATION;
  return Math.max(16 * MIB, Math.floor(old * 0.85));
}

/**
 * R703 when the live heap is over max_memory. A reading over the limit may include garbage not
 * yet collected, so a full collection is forced (when node allows it) and the heap measured again.
 */
export function checkMemory(site: HoldSite): void {
  const limit = memoryLimitBytes(site.limits);
  if (getHeapStatistics().used_heap_size <= limit) return;
  collectGarbage();
  const used = getHeapStatistics().used_heap_size;
  if (used <= limit) return;
  const params = { limit: Math.round(limit / MIB), used: Math.round(used / MIB), command: site.command };
  throw new SplError('R703', params, { span: site.span });
}

let gc: (() => void) | undefined | null = null;
let lastGc = 0;

/** A full garbage collection, at most once per GC_INTERVAL; nothing when node refuses. */
function collectGarbage(): void {
  const now = Date.now();
  if (now - lastGc < GC_INTERVAL) return;
  lastGc = now;
  if (gc === null) {
    try {
      // The documented way to reach V8's collector without starting node with --expose-gc.
      setFlagsFromString('--expose-gc');
      gc = runInNewContext('gc') as () => void;
    } catch {
      gc = undefined;
    }
  }
  gc?.();
}

/**
 * A pass-through operator for the end of a search: every result that reaches it is held for
 * output, so they count against max_rows (and the heap against max_memory).
 */
export function resultsLimit(limits: Limits): Operator {
  return (next) => {
    const hold = rowLimit(limits, 'search');
    return {
      push: (row) => {
        hold.add();
        next.push(row);
      },
      end: () => next.end(),
    };
  };
}
