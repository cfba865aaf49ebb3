/** Semantic checks done once per query, before any event is read (spec 08 E7, E8, E10, E11). */
export const BIND_CODES = {
  B001: { phase: 'bind', message: "Error in 'stats' command: The argument '{arg}' is invalid." },
  B002: {
    phase: 'bind',
    message: "Error in '{command}' command: The output field '{name}' cannot have the same name as a group-by field.",
  },
  B003: { phase: 'bind', message: "Error in 'rename' command: Wildcard mismatch: '{from}' as '{to}'." },
  B004: { phase: 'bind', message: "Error in 'rename' command: Field '{name}' cannot be renamed twice ('{first}' and '{second}')" },
  B005: { phase: 'bind', message: 'Invalid value "{value}" for time term \'{term}\'' },
  B006: { phase: 'bind', message: "Error in 'convert' command: Unknown conversion function '{name}'" },
  B007: { phase: 'bind', message: "Error in '{command}' command: The command is parsed but cannot be executed yet" },
  B008: { phase: 'bind', message: "Error in '{command}' command: {reason}" },
  B009: { phase: 'bind', message: "Error in 'stats' command: '{name}' cannot name two outputs of one field ('{first}' and '{second}')" },
  /** A warning of `splq validate`: lookups often come from other apps, so the search is still valid. */
  B010: { phase: 'bind', message: "Lookup '{name}' used by '{command}' is not defined in {where}" },
} as const;
