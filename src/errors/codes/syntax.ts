/** Lexing and parsing errors (spec 08 E1, E3-E6, E9, E14). */
export const SYNTAX_CODES = {
  L001: { phase: 'lex', message: "Error in 'search' command: Unable to parse the search: unbalanced quotes." },
  L002: { phase: 'lex', message: 'Unexpected character {char}' },
  P001: { phase: 'parse', message: "Unknown search command '{name}'." },
  P002: { phase: 'parse', message: "Error in 'search' command: Unable to parse the search: unbalanced parentheses." },
  P003: { phase: 'parse', message: "Error in 'SearchParser': Mismatched ']'." },
  P004: { phase: 'parse', message: "Error in 'SearchParser': Missing a search command before '|'." },
  P005: { phase: 'parse', message: "Error in '{command}' command: expected {expected}, found {found}" },
  P008: { phase: 'parse', message: "Error in '{command}' command: missing {what}" },
  P009: { phase: 'parse', message: 'Empty search' },
  P010: { phase: 'parse', message: "Error in 'SearchParser': Missing a closing ']' for the subsearch opened here" },
} as const;
