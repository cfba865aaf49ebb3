/**
 * Errors of subsearches and the commands built on them (search [...], format, return, join,
 * append, appendpipe, multisearch, foreach, map). B6xx: checked when the search is bound; R6xx:
 * raised while results flow (a `map` search is only known once its input rows are).
 */
export const SUBSEARCH_CODES = {
  /** Worded as Splunk words invalid arguments (spec 08 E7). */
  B601: { phase: 'bind', message: "Error in '{command}' command: The argument '{arg}' is invalid." },
  B602: { phase: 'bind', message: "Error in '{command}' command: Invalid value '{value}' for '{name}': expected {expected}" },
  /** A form Splunk has that this engine does not run (saved searches, foreach modes). */
  B603: { phase: 'bind', message: "Error in '{command}' command: {reason}" },
  /** Splunk's text for a non-streaming command inside a multisearch subsearch. */
  B604: {
    phase: 'bind',
    message: "Error in 'multisearch' command: Multisearch subsearches may only contain purely streaming operations (subsearch {index} contains '{found}').",
  },
  /** A subsearch result's `search` field holds text that is not a search expression. */
  B605: { phase: 'bind', message: "Error in 'search' command: The subsearch returned a search that cannot be parsed: '{text}' ({reason})" },
  /** A `map` search (after `$field$` substitution) failed; the note carries the search text. */
  R601: { phase: 'run', message: "Error in 'map' command: The search for result {n} failed: {reason}" },
} as const;
