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
  }));
  return JSON.stringify({ searches, summary: summarize(reports) }, null, 2) + '\n';
}

/** Errors in full (with carets), unsupported ones in one line each, then the summary. */
export function renderValidationText(reports: readonly SearchReport[], verbose: boolean): string {
  const out: string[] = [];
  for (const r of reports) {
    for (const e of r.errors) out.push(e.rendered, '');
    if (verbose) for (const u of r.unsupported) out.push(`${u.file}:${u.line}:${u.column}: unsupported[${u.code}]: ${u.message}`);
  }
  const s = summarize(reports);
  const parsed = s.ok + s.unsupported;
  out.push(
    `${s.total} searches: ${parsed} parsed (${s.ok} ok, ${s.unsupported} cannot execute yet), ${s.error} with errors`,
  );
  return out.join('\n') + '\n';
}
