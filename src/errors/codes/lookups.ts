/** Lookup tables: finding and checking them at bind time (B5xx), reading (I5xx), writing (R5xx). */
export const LOOKUP_CODES = {
  B501: { phase: 'bind', message: "Error in '{command}' command: The lookup table '{name}' does not exist or is not available (looked in {where})" },
  B502: { phase: 'bind', message: "Error in '{command}' command: Invalid lookup name '{name}': {reason}" },
  B503: { phase: 'bind', message: "Error in '{command}' command: Lookup '{name}' ({origin}) cannot be used offline: {reason}" },
  B504: { phase: 'bind', message: "Error in '{command}' command: Lookup definition '{name}' ({origin}) is invalid: {reason}" },
  B505: {
    phase: 'bind',
    message: "Error in 'lookup' command: Could not find all of the specified lookup fields in the lookup table ({fields} not in '{name}')",
  },
  B506: {
    phase: 'bind',
    message: "Error in 'lookup' command: Could not find all of the specified destination fields in the lookup table ({fields} not in '{name}')",
  },
  B507: { phase: 'bind', message: "Error in 'outputlookup' command: No lookups folder to write '{name}' to: give one with --lookups <dir>" },
  I501: { phase: 'input', message: 'Cannot read lookup {file}: {reason}' },
  R501: { phase: 'run', message: "Error in 'outputlookup' command: Cannot write {file}: {reason}" },
} as const;
