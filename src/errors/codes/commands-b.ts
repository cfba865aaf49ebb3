/**
 * Errors of the stats-family and charting commands (eventstats, streamstats, chart, timechart,
 * untable, xyseries): bound once per query (B3xx) or raised while results flow (R3xx).
 */
export const COMMANDS_B_CODES = {
  /** An option value of the wrong form: `window=-1`, `span=5x`, `limit=top`. */
  B301: { phase: 'bind', message: "Error in '{command}' command: Invalid value '{value}' for option '{option}': expected {expected}" },
  /** An option the command does not have. */
  B302: { phase: 'bind', message: "Error in '{command}' command: Unknown option '{option}'" },
  /** A form Splunk accepts that splq does not run (yet), so it is refused rather than run wrongly. */
  B303: { phase: 'bind', message: "Error in '{command}' command: {feature} is not supported" },
  /** `chart eval(avg(x)/max(y))` without AS and without a column split has no output name. */
  B304: { phase: 'bind', message: "Error in '{command}' command: The eval expression must be renamed with AS" },
  /** An eval term of chart/timechart must combine aggregations: `eval(avg(x)*2)`. */
  B305: { phase: 'bind', message: "Error in '{command}' command: The eval expression '{text}' uses no statistical function" },
  /** Two options that cannot be combined, or an option that needs another. */
  B306: { phase: 'bind', message: "Error in '{command}' command: {reason}" },
  /** `streamstats time_window=...` over results that are not in time order. */
  R301: {
    phase: 'run',
    message: "Error in '{command}' command: time_window requires the results to be sorted by _time, ascending or descending",
  },
} as const;
