/** Validation results as text (per search, then a summary) or as the JSON object of issue 3. */
import type { SearchReport } from './check.js';

export interface ValidationSummary {
  readonly total: number;
  readonly ok: number;
  readonly error: number;
  readonly unsupported: number;
}

export function summarize(reports: readonly SearchReport[]): ValidationSummary {
  const count = (s: SearchReport['status']): number => reports.filter((r) => r.status === s).length;
  return { total: reports.length, ok: count('ok'), error: count('error'), unsupported: count('unsupported') };
}

export function renderValidationJson(reports: readonly SearchReport[]): string {
  const searches = reports.map((r) => ({
    path: r.path,
    name: r.name ?? null,
    id: r.id ?? null,
    status: r.status,
    errors: r.errors.map(({ code, message, line, column }) => ({ code, message, line, column })),
    unsupported: r.unsupported.map(({ code, message, line, column }) => ({ code, message, line, column })),
    warnings: r.warnings.map(({ code, message, line, column }) => ({ code, message, line, column })),
    datamodels: r.datamodels,
  }));
  return JSON.stringify({ searches, summary: summarize(reports) }, null, 2) + '\n';
}

/**
 * Errors in full (with carets), warnings in one line each, then the summary; verbose adds the
 * unsupported commands and the data models each search reads.
 */
export function renderValidationText(reports: readonly SearchReport[], verbose: boolean): string {
  const out: string[] = [];
  let warnings = 0;
  for (const r of reports) {
    for (const e of r.errors) out.push(e.rendered, '');
    for (const w of r.warnings) out.push(`${w.file}:${w.line}:${w.column}: warning[${w.code}]: ${w.message}`);
    warnings += r.warnings.length;
    if (!verbose) continue;
    for (const u of r.unsupported) out.push(`${u.file}:${u.line}:${u.column}: unsupported[${u.code}]: ${u.message}`);
    if (r.datamodels.length > 0) out.push(`${r.path}: datamodels: ${r.datamodels.join(', ')}`);
  }
  const s = summarize(reports);
  const parsed = s.ok + s.unsupported;
  out.push(
    `${s.total} searches: ${parsed} parsed (${s.ok} ok, ${s.unsupported} cannot execute yet), ${s.error} with errors` +
      (warnings > 0 ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''),
  );
  return out.join('\n') + '\n';
}
