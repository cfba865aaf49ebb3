/** Inputs other than the search: event files, options, detection YAML (usage errors exit 2). */
export const INPUT_CODES = {
  I001: { phase: 'input', message: 'Cannot read events from {file}: {reason}' },
  I002: { phase: 'input', message: '{file}:{line}: not valid JSON ({reason}); kept as a raw event' },
  I003: { phase: 'input', message: 'Cannot read {file}: {reason}' },
  I004: { phase: 'input', message: 'Detection file {file} has no search' },
  I005: { phase: 'input', message: '{file}: {reason}' },
  U001: { phase: 'usage', message: 'Invalid time "{value}" for {option}: expected ISO 8601, epoch seconds or a relative time' },
  U002: { phase: 'usage', message: 'Unknown time zone "{value}"' },
  U003: { phase: 'usage', message: '{reason}' },
} as const;
