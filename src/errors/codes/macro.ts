/** Macro loading and expansion errors (spec 05 MA8, 08 E2/E12/E13). */
export const MACRO_CODES = {
  M001: {
    phase: 'macro',
    message:
      "Error in 'SearchParser': The search specifies a macro '{name}' that cannot be found. Reasons include: the macro name is misspelled, you do not have \"read\" permission for the macro, or the macro has not been shared with this application. Click Settings, Advanced search, Search Macros to view macro information.",
  },
  M002: {
    phase: 'macro',
    message:
      "Error in 'SearchParser': Reached maximum recursion depth ({depth}) while expanding macros. Check for infinitely recursive macro definitions.",
  },
  M003: { phase: 'macro', message: 'Macro `{name}` expands into itself: {cycle}' },
  M004: { phase: 'macro', message: 'Unterminated macro reference: no closing backtick for the one opened here' },
  M005: { phase: 'macro', message: 'Malformed macro arguments in `{name}`: {reason}' },
  M006: { phase: 'macro', message: 'Macro `{name}`: {reason}' },
  M007: { phase: 'macro', message: 'Cannot read macro file {file}: {reason}' },
  M008: { phase: 'macro', message: 'Malformed macro file {file}: {reason}' },
  M009: { phase: 'macro', message: 'Malformed inline macro "{text}": expected name=definition or name(a,b)=definition' },
  M011: {
    phase: 'macro',
    message: "Expanded search is too large ({size} characters): limit 'max_search_size' is {limit}; raise it with --max-search-size",
  },
  M012: { phase: 'macro', message: 'Unterminated comment: no closing ``` for the one opened here' },
  M013: { phase: 'macro', message: 'Empty macro reference: nothing between the backticks' },
  /** Fan-out: references that expand into several references each, exponentially many (src/macros/expand.ts). */
  M014: {
    phase: 'macro',
    message:
      "Macro expansion stopped after {limit} macro references: limit 'max_macro_expansions' (a macro that calls others several times grows exponentially); raise it with --max-macro-expansions",
  },
} as const;
