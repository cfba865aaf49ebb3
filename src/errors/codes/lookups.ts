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
  /** A lookup file that is a symbolic link leading out of its folder: never read or written. */
  B508: {
    phase: 'bind',
    message: "Error in '{command}' command: The lookup file '{file}' is a link that leads outside {dir}; splq reads and writes lookups only inside the configured folders",
  },
  I501: { phase: 'input', message: 'Cannot read lookup {file}: {reason}' },
  R501: { phase: 'run', message: "Error in 'outputlookup' command: Cannot write {file}: {reason}" },
} as const;
