/**
 * Bind errors of the result-shaping commands (table, fields, sort, dedup, head, tail, fillnull,
 * top, rare, bin): arguments checked once per query, before any event is read.
 */
export const COMMANDS_A_CODES = {
  /** An option the command does not have; worded as Splunk words invalid arguments (spec 08 E7). */
  B201: { phase: 'bind', message: "Error in '{command}' command: The argument '{arg}' is invalid." },
  B202: { phase: 'bind', message: "Error in '{command}' command: Invalid value '{value}' for '{name}': expected {expected}" },
  B203: { phase: 'bind', message: "Error in 'head' command: Specify the number of results either as a number or with limit=, not both" },
  /** Splunk: "The value for option span (1x) is invalid." */
  B204: { phase: 'bind', message: "Error in '{command}' command: The value for option {name} ({value}) is invalid." },
  B205: { phase: 'bind', message: "Error in '{command}' command: {reason}" },
} as const;
