/** What a dataset is once resolved: a local file or folder of events and the metadata to index it with. */

/** One dataset: events at `path` and the default fields Splunk would index them with. */
export interface DatasetInput {
  readonly path: string;
  readonly sourcetype?: string;
  readonly source?: string;
  readonly host?: string;
  readonly index?: string;
  readonly name?: string;
}

/**
 * A descriptor's time settings (`time:` in the YAML). Command-line options win over them.
 * `shift_to` (or attack_data's `update_timestamp: true`, meaning `now`) moves the newest event there.
 */
export interface DatasetTime {
  /** `now`, or a time (ISO 8601, epoch seconds, relative like `-1h@h`) for the newest event. */
  readonly shiftTo?: string;
  /** Zone for timestamps written without one (`tz`). */
  readonly tz?: string;
  /** props.conf files with per-sourcetype timestamp rules, resolved against the descriptor's folder. */
  readonly props?: readonly string[];
  /** The field holding the event time in every dataset (`time_field`, like `--time-field`). */
  readonly timeField?: string;
}
