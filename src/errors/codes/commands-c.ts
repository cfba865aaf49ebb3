/**
 * Errors of the extraction and grouping commands: rex, regex, spath, mvexpand, makemv, xmlkv,
 * fromjson, transaction, iplocation. Bind-time checks are B4xx, per-result failures R4xx.
 * Regex compile errors reuse B105 (Splunk's "Encountered the following error while compiling").
 */
export const COMMANDS_C_CODES = {
  B401: { phase: 'bind', message: "Error in '{command}' command: Unknown option '{name}'; expected {expected}" },
  B402: { phase: 'bind', message: "Error in '{command}' command: Invalid value '{value}' for option '{name}': expected {expected}" },
  /** Splunk's own text for a rex pattern without named groups. */
  B403: {
    phase: 'bind',
    message: "Error in 'rex' command: The regex '{pattern}' does not extract anything. It should specify at least one named group. Format: (?<name>...).",
  },
  B404: { phase: 'bind', message: "Error in 'rex' command: Invalid sed expression '{expr}': {reason}" },
  B405: { phase: 'bind', message: "Error in '{command}' command: {reason}" },
  B406: { phase: 'bind', message: 'iplocation requires a GeoIP database; pass --geoip PATH (a MaxMind DB format file)' },
  B407: { phase: 'bind', message: "Error in 'iplocation' command: Cannot read the GeoIP database '{path}': {reason}" },
  B408: { phase: 'bind', message: "Error in 'transaction' command: {reason}" },
} as const;
