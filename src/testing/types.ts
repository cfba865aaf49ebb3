/**
 * Detection tests: what a test states (security_content's `tests:` block plus splq's extension
 * keys), and what running it gives. Plain data throughout, so a test can cross to a worker thread.
 */

/** One `attack_data` entry: a dataset URL or path and the metadata Splunk would index it with. */
export interface AttackDataEntry {
  readonly data: string;
  readonly source?: string;
  readonly sourcetype?: string;
  readonly host?: string;
  readonly index?: string;
}

/** An expected value: text, a multivalue list, or null = the field must be absent. */
export type ExpectedValue = string | readonly string[] | null;

/** One expected result row, compared on the fields it lists only. */
export type ExpectedRow = Readonly<Record<string, ExpectedValue>>;

/** `expect:` (splq extension). Without it a test passes on at least one result (contentctl). */
export interface Expectation {
  readonly minResults?: number;
  readonly maxResults?: number;
  /** The results are exactly these rows, in any order. */
  readonly rows?: readonly ExpectedRow[];
  /** The detection must not fire: no results. */
  readonly none?: boolean;
}

/** Time settings as written: relative modifiers, ISO 8601 or epoch seconds. */
export interface WindowSpec {
  readonly earliest?: string;
  readonly latest?: string;
  /** No time range at all (`--all-time`, or `all_time: true` in a test). */
  readonly allTime?: boolean;
}

export interface TestCase {
  readonly name: string;
  /** The file the test is written in: the detection YAML or its `*.test.yml` sidecar. */
  readonly file: string;
  readonly attackData: readonly AttackDataEntry[];
  /** Dataset descriptor files (`dataset:` extension), absolute paths. */
  readonly datasets: readonly string[];
  readonly expect?: Expectation;
  /** `earliest_time`/`latest_time`/`all_time` of the test (contentctl's older test format). */
  readonly window: WindowSpec;
  /** `macros:` extension: inline definitions `name=def` applied after every other layer. */
  readonly macros: readonly string[];
  /** Set when the test itself is malformed (unknown key, wrong type): reported as an error. */
  readonly problem?: string;
}

export interface DetectionTests {
  readonly path: string;
  readonly name: string;
  readonly id?: string;
  /** Why every test of the detection is skipped (deprecated, manual test), if so. */
  readonly skip?: string;
  /** The detection's own schedule (`deployment.scheduling`, `dispatch.*`, `schedule`). */
  readonly schedule: WindowSpec;
  readonly tests: readonly TestCase[];
  /** The detection could not be read: reported as one error. */
  readonly problem?: string;
}

export type TestStatus = 'pass' | 'fail' | 'error' | 'skipped';

export interface TestOutcome {
  readonly detection: string;
  readonly detectionFile: string;
  readonly test: string;
  readonly testFile: string;
  readonly status: TestStatus;
  /** Why it failed, errored or was skipped. */
  readonly reason?: string;
  /** Details: the rendered error, or the rows that did not match. */
  readonly details?: readonly string[];
  readonly results?: number;
  readonly events?: number;
  readonly durationMs: number;
  /** The job's time range and "now" (epoch seconds), and how far the events were moved. */
  readonly window?: { readonly now: number; readonly earliest?: number; readonly latest?: number; readonly shift: number };
}

/** What every test of a run shares (plain data: it crosses to worker threads). */
export interface TestRunConfig {
  readonly dataRoot?: string;
  readonly defaultMacros: boolean;
  /** Repository macros/ folders, then `--macros` paths, in order. */
  readonly macroPaths: readonly string[];
  readonly inlineMacros: readonly string[];
  readonly strictMacros: boolean;
  /** Repository lookups/ folders and `--lookups`. */
  readonly lookups: readonly string[];
  /** `--props` files (props.conf timestamp rules), after the built-in ones. */
  readonly props: readonly string[];
  /** `--earliest`/`--latest`/`--all-time`: used when neither the test nor the detection says. */
  readonly window: WindowSpec;
  /** `--now`: run every test at this time (events are moved there); default: from the data. */
  readonly now?: number;
  readonly tz: string;
}
