/**
 * What a parsed search refers to outside itself: the lookups of `lookup`, `inputlookup`,
 * `outputlookup` and `from lookup:`/`from inputlookup:`, and the data models of `tstats` and
 * `from datamodel`. Every command is visited, subsearches and other nested pipelines included.
 */
import type { Command, Pipeline, Span } from '../spl/ast.js';
import { dataModelName } from '../spl/commands/tstats.js';

export interface LookupReference {
  readonly name: string;
  /** The command that names it. */
  readonly command: string;
  readonly span: Span;
}

export interface DataModelReference {
  /** `Endpoint.Processes`, `Web`: the model and dataset path as written. */
  readonly name: string;
  readonly span: Span;
}

export interface SearchReferences {
  readonly lookups: readonly LookupReference[];
  readonly datamodels: readonly DataModelReference[];
}

export function searchReferences(pipeline: Pipeline): SearchReferences {
  const lookups: LookupReference[] = [];
  const datamodels: DataModelReference[] = [];
  for (const cmd of allCommands(pipeline)) {
    const lookup = lookupOf(cmd);
    if (lookup) lookups.push(lookup);
    const model = dataModelOf(cmd);
    if (model) datamodels.push(model);
  }
  return { lookups, datamodels };
}

function lookupOf(cmd: Command): LookupReference | undefined {
  switch (cmd.kind) {
    case 'lookup':
    case 'inputlookup':
    case 'outputlookup':
      return { name: cmd.lookup.name, command: cmd.kind, span: cmd.lookup.span };
    case 'from':
      return cmd.datasetType === 'lookup' || cmd.datasetType === 'inputlookup' ? { name: cmd.dataset, command: 'from', span: cmd.datasetSpan } : undefined;
    default:
      return undefined;
  }
}

function dataModelOf(cmd: Command): DataModelReference | undefined {
  if (cmd.kind === 'tstats' && cmd.from?.kind === 'datamodel') return { name: dataModelName(cmd.from.datamodel), span: cmd.from.datamodel.span };
  if (cmd.kind === 'from' && cmd.datamodel) return { name: dataModelName(cmd.datamodel), span: cmd.datamodel.span };
  return undefined;
}

/** The commands of a pipeline and of every pipeline nested in them, in text order. */
export function allCommands(pipeline: Pipeline): Command[] {
  const out: Command[] = [];
  addCommands(pipeline, out);
  return out;
}

function addCommands(pipeline: Pipeline, out: Command[]): void {
  for (const cmd of pipeline.commands) {
    out.push(cmd);
    addNested(cmd, out);
  }
}

/**
 * AST nodes are plain data, so any nested `Pipeline` (subsearch, appendpipe, map...) is found by
 * walking every property (a plain loop: this runs over every node of every validated search).
 */
function addNested(value: unknown, out: Command[]): void {
  if (typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    for (const v of value) addNested(v, out);
  } else if ((value as { kind?: unknown }).kind === 'Pipeline') addCommands(value as Pipeline, out);
  else for (const key in value) addNested((value as Record<string, unknown>)[key], out);
}
