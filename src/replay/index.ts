/** Replay datasets as HEC envelopes, to a file or a Splunk HTTP Event Collector (issue 6). */
export { replayEnvelopes, newSummary, type ReplayOptions, type ReplaySummary } from './replay.js';
export { sendToHec, collectorUrl, type HecOptions, type HecResult } from './hec.js';
export { locateEventTime } from './locate-time.js';
export { rewriteTimestamp } from './rewrite.js';
export { shiftTimestampText } from './retime.js';
