/** Eval expression errors: bound once per query (B1xx) or raised per result (R1xx). */
export const EVAL_CODES = {
  B101: { phase: 'bind', message: "Error in '{command}' command: The '{name}' function is unsupported or undefined." },
  B102: {
    phase: 'bind',
    message: "Error in '{command}' command: The arguments to the '{name}' function are invalid: expected {expected}, found {found}",
  },
  B103: { phase: 'bind', message: "Error in '{command}' command: {reason}" },
  B104: {
    phase: 'bind',
    message: "Error in '{command}' command: Fields cannot be assigned a boolean result. Instead, try if([bool expr], [expr], [expr]).",
  },
  /** A regular expression that is invalid, or uses a PCRE construct splq cannot run exactly (src/eval/pcre.ts). */
  B105: {
    phase: 'bind',
    message: "Error in '{command}' command: Encountered the following error while compiling the regex '{pattern}': Regex: {reason}",
  },
  R101: { phase: 'run', message: "Error in '{command}' command: {reason}" },
  /** One input longer than the regex input cap (PcreOptions.maxInputLength, 1 MiB by default). */
  R102: {
    phase: 'run',
    message: "The regex '{pattern}' cannot be applied to a value of {length} characters: limit 'max_regex_input' is {limit}; raise it with --max-regex-input",
  },
  /** A regular expression read from a field (not a literal) that is invalid or not runnable, as B105. */
  R104: {
    phase: 'run',
    message: "Error in '{command}' command: Encountered the following error while compiling the regex '{pattern}': Regex: {reason}",
  },
  /** A pattern whose backtracking cost on this input is too high, and the linear engine cannot run it. */
  R103: { phase: 'run', message: "The regex '{pattern}' cannot be applied to a value of {length} characters: {reason}" },
} as const;
