/**
 * What commands may use beyond their own arguments, handed over at bind time: the results of
 * their subsearches (run before the search is bound, as Splunk runs subsearches first), and the
 * search's limits. Lookups, GeoIP and the like join here as they arrive.
 */
import type { Row } from '../data/event.js';
import { DEFAULT_MAX_EVENT_SIZE } from '../data/records.js';
import type { Pipeline, Span } from '../spl/ast.js';
import type { LookupStore } from '../lookups/store.js';
import { DEFAULT_MAX_INPUT } from '../eval/pcre.js';
import { DEFAULT_MAX_EXPANSIONS } from '../macros/expand.js';

export interface Limits {
  /** Results a subsearch may return (limits.conf [subsearch] maxout). */
  readonly subsearchMaxResults: number;
  /** Nesting depth of subsearches. */
  readonly subsearchMaxDepth: number;
  /** Subsearch rows `join` joins against (limits.conf [join] subsearch_maxout). */
  readonly joinSubsearchMaxResults: number;
  /** max_groups: groups one stats, eventstats, chart or timechart may form (R701). */
  readonly maxGroups: number;
  /** max_rows: results one blocking command (sort, dedup, eventstats, join, transaction...) may hold (R702). */
  readonly maxRows: number;
  /** max_memory, in MiB: heap a search may use before it stops (R703); 0 = 85% of node's old generation. */
  readonly maxMemoryMb: number;
  /** max_search_size: characters of the search after macro expansion (M011). */
  readonly maxSearchSize: number;
  /** max_macro_expansions: macro references one search may expand (M014). */
  readonly maxMacroExpansions: number;
  /** max_regex_input: characters one regular expression match may read (R102). */
  readonly maxRegexInput: number;
  /** max_event_size: bytes of one event (a line or a JSON document); longer ones are cut, reported (I702); 0 = none. */
  readonly maxEventSize: number;
}

export const DEFAULT_LIMITS: Limits = {
  subsearchMaxResults: 10_000,
  subsearchMaxDepth: 10,
  joinSubsearchMaxResults: 50_000,
  maxGroups: 1_000_000,
  maxRows: 5_000_000,
  maxMemoryMb: 0,
  maxSearchSize: 1_000_000,
  maxMacroExpansions: DEFAULT_MAX_EXPANSIONS,
  maxRegexInput: DEFAULT_MAX_INPUT,
  maxEventSize: DEFAULT_MAX_EVENT_SIZE,
};

export interface Services {
  /** The rows a subsearch of this search returned; only pipelines listed by `subsearches()`. */
  subsearchResults(subsearch: Pipeline): readonly Row[];
  /**
   * Bind a pipeline that runs over rows this search produces (`appendpipe [...]`, a `foreach`
   * template): bound once, then run synchronously over each batch of rows given to it.
   */
  compileNested(pipeline: Pipeline): (rows: readonly Row[]) => Row[];
  /**
   * Run a whole search now, synchronously, over the job's events (`map`, once per input row): a
   * text is expanded with the job's macros and parsed first; errors point at `origin`.
   */
  runSearch(search: string | Pipeline, origin: Span): Row[];
  readonly limits: Limits;
  /** The configured lookup tables (`--lookups`); absent when none were configured. */
  readonly lookups?: LookupStore;
  /** A MaxMind DB file for `iplocation` (`--geoip PATH`); absent when none was given. */
  readonly geoip?: string;
}

/** Services for searches that have no subsearches (tests, validation). */
export const NO_SERVICES: Services = {
  subsearchResults: () => {
    throw new Error('internal: subsearch results requested but none were run');
  },
  compileNested: () => {
    throw new Error('internal: nested pipelines need the pipeline module');
  },
  runSearch: () => {
    throw new Error('internal: searches run by map need the pipeline module');
  },
  limits: DEFAULT_LIMITS,
};
