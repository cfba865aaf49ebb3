/** Render any failure the way the CLI contract says: `error[CODE]: message` with a caret. */
import { SplError } from '../errors/spl-error.js';
import { renderError } from '../errors/render.js';
import { StageError } from '../pipeline.js';

/** Render any failure the way the CLI contract says, returning the exit code. */
export function reportFailure(e: unknown, debug = false): number {
  if (e instanceof StageError) {
    process.stderr.write(renderError(e.error, { sourceMap: e.sourceMap }) + '\n');
    return 1;
  }
  if (e instanceof SplError) {
    process.stderr.write(renderError(e, {}) + '\n');
    return e.phase === 'usage' ? 2 : 1;
  }
  process.stderr.write(`error[internal]: ${(e as Error)?.message ?? String(e)}\n`);
  if (debug) process.stderr.write(`${(e as Error)?.stack ?? ''}\n`);
  return 1;
}

