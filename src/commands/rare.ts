/**
 * `rare [options] fields [BY fields]`: top (top.ts) with the least common combinations first;
 * same options and limit (default 10). Search Reference, "rare":
 * https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/rare
 */
import type { RareCommand } from '../spl/commands/index.js';
import { groupLimit } from './limit-guard.js';
import { compileTop, planTop } from './top.js';
import type { CommandImpl } from './types.js';

export const rareCommand: CommandImpl<RareCommand> = {
  kind: 'rare',
  needsOrder: false,
  compile: (cmd, ctx) => compileTop(planTop('rare', cmd, -1), () => groupLimit(ctx.services.limits, 'rare', cmd.span)),
};
