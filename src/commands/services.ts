/**
 * What commands may use beyond their own arguments, handed over at bind time: the results of
 * their subsearches (run before the search is bound, as Splunk runs subsearches first), and the
 * search's limits. Lookups, GeoIP and the like join here as they arrive.
 */
import type { Row } from '../data/event.js';
import type { Pipeline } from '../spl/ast.js';

export interface Limits {
  /** Results a subsearch may return (limits.conf [subsearch] maxout). */
  readonly subsearchMaxResults: number;
  /** Nesting depth of subsearches. */
  readonly subsearchMaxDepth: number;
}

export const DEFAULT_LIMITS: Limits = { subsearchMaxResults: 10_000, subsearchMaxDepth: 10 };

export interface Services {
  /** The rows a subsearch of this search returned; only pipelines listed by `subsearches()`. */
  subsearchResults(subsearch: Pipeline): readonly Row[];
  /**
   * Bind a pipeline that runs over rows this search produces (`appendpipe [...]`, a `foreach`
   * template): bound once, then run synchronously over each batch of rows given to it.
   */
  compileNested(pipeline: Pipeline): (rows: readonly Row[]) => Row[];
  readonly limits: Limits;
}

/** Services for searches that have no subsearches (tests, validation). */
export const NO_SERVICES: Services = {
  subsearchResults: () => {
    throw new Error('internal: subsearch results requested but none were run');
  },
  compileNested: () => {
    throw new Error('internal: nested pipelines need the pipeline module');
  },
  limits: DEFAULT_LIMITS,
};
