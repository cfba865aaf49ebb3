/**
 * Limits and input safety (issue 7): a limit a search reached (R7xx, each naming the limit and
 * the flag that raises it, in the spirit of Splunk's limits.conf), and the problems found while
 * reading events (I7xx). Input problems never stop a search; `splq run --strict` fails on them.
 */
export const LIMIT_CODES = {
  R701: {
    phase: 'run',
    message: "Limit 'max_groups' ({limit}) reached in '{command}': the results form more than {limit} groups; raise it with --max-groups",
  },
  R702: {
    phase: 'run',
    message: "Limit 'max_rows' ({limit}) reached in '{command}': it would hold more than {limit} results; raise it with --max-rows",
  },
  R703: {
    phase: 'run',
    message:
      "Limit 'max_memory' ({limit} MB) reached in '{command}': the search holds {used} MB; raise it with --max-memory (at most the heap node allows, see node --max-old-space-size)",
  },
  I701: { phase: 'input', message: '{file}:{line}: not valid UTF-8; the bad bytes were replaced with U+FFFD' },
  I702: {
    phase: 'input',
    message:
      "{file}:{line}: an event of {size} bytes is longer than the limit 'max_event_size' ({limit}); kept as raw text cut to {limit} bytes; raise it with --max-event-size",
  },
  I703: { phase: 'input', message: '{file}:{line}: JSON nested deeper than {limit} levels; kept as a raw event without fields' },
  I704: { phase: 'input', message: '{file}: looks like a binary file (it holds NUL bytes); its lines are kept as raw events' },
  I705: { phase: 'input', message: '{file}: the compressed data is damaged or cut short ({reason}); the events before that point were read' },
  I706: {
    phase: 'input',
    message: "{file}:{line}: a JSON document longer than the limit 'max_event_size' ({limit}) was read line by line instead; raise it with --max-event-size",
  },
} as const;
