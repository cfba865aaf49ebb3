/**
 * `fromjson <field> [prefix=<string>]` (Search Reference: fromjson): each top-level key of the
 * JSON object in the field becomes a field (named prefix + key), replacing a field of that name.
 * Strings, numbers (as written) and booleans become text; an array becomes a multivalue field
 * (objects and arrays inside it as compact JSON text); a nested object becomes its compact JSON
 * text; `null` and `[]` set nothing. A value that is not a JSON object is left alone.
 */
import type { FieldValue, Row, Scalar } from '../data/event.js';
import { parseJson, stringifyJson, type JsonNode } from '../eval/functions/json-text.js';
import { scalarText } from '../eval/values.js';
import type { FromjsonCommand } from '../spl/commands/fromjson.js';
import { FIELD_COMMAND_OPTION_RULES } from './shared/option-rules.js';
import { OptionReader } from './shared/options.js';
import { streaming, type CommandImpl } from './types.js';

export const fromjsonCommand: CommandImpl<FromjsonCommand> = {
  kind: 'fromjson',
  needsOrder: false,
  compile(cmd) {
    const opts = new OptionReader('fromjson', cmd.options, ['prefix'], FIELD_COMMAND_OPTION_RULES);
    const prefix = opts.get('prefix')?.value ?? '';
    const field = cmd.field.name;
    return streaming((row, next) => {
      const v = row.fields.get(field);
      // A multivalue field holds one document per value: the first is read.
      const first = Array.isArray(v) ? (v as readonly Scalar[])[0] : (v as Scalar | undefined);
      if (first !== undefined) setMembers(row, scalarText(first), prefix);
      next.push(row);
    });
  },
};

function setMembers(row: Row, text: string, prefix: string): void {
  const doc = text.trimStart().startsWith('{') ? parseJson(text) : undefined;
  if (doc?.kind !== 'obj') return;
  for (const [key, node] of doc.members) {
    const value = fieldValue(node);
    if (value !== undefined) row.fields.set(prefix + key, value);
  }
}

/** A member's value as a field value; undefined for null and empty arrays. */
export function fieldValue(node: JsonNode): FieldValue | undefined {
  if (node.kind !== 'arr') return leafText(node);
  const values = node.items.map(leafText).filter((x): x is string => x !== undefined);
  if (values.length === 0) return undefined;
  return values.length === 1 ? values[0]! : (values as Scalar[]);
}

function leafText(node: JsonNode): string | undefined {
  switch (node.kind) {
    case 'null': return undefined;
    case 'bool': return node.value ? 'true' : 'false';
    case 'num': return node.text;
    case 'str': return node.value;
    default: return stringifyJson(node);
  }
}
