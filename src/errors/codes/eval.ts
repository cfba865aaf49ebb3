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
  R101: { phase: 'run', message: "Error in '{command}' command: {reason}" },
} as const;
