/**
 * `xmlkv [<field>] [maxinputs=<int>]` (Search Reference: xmlkv; spec 10 K14): every leaf element
 * `<k>v</k>` of the XML in `_raw` (or the field) sets the field `k` to its text, entities decoded.
 * Attributes are ignored, empty leaves set nothing, a name met several times becomes a multivalue
 * field in document order, and an existing field of that name is replaced. `maxinputs` only
 * batches input in Splunk and has no effect on results.
 */
import type { FieldValue, Scalar } from '../data/event.js';
import { parseXml, type XmlElement } from '../data/xml.js';
import type { XmlkvCommand } from '../spl/commands/xmlkv.js';
import { FIELD_COMMAND_OPTION_RULES } from './shared/option-rules.js';
import { OptionReader } from './shared/options.js';
import { inputText } from './rex.js';
import { streaming, type CommandImpl } from './types.js';

export const xmlkvCommand: CommandImpl<XmlkvCommand> = {
  kind: 'xmlkv',
  needsOrder: false,
  compile(cmd) {
    const opts = new OptionReader('xmlkv', cmd.options, ['maxinputs'], FIELD_COMMAND_OPTION_RULES);
    opts.integer('maxinputs', 50_000);
    const field = cmd.field?.name ?? '_raw';
    return streaming((row, next) => {
      const v = row.fields.get(field);
      if (v !== undefined) {
        for (const [k, value] of xmlPairs(inputText(v))) row.fields.set(k, value);
      }
      next.push(row);
    });
  },
};

/** The leaf pairs of an XML text, repeated names collected in document order. */
export function xmlPairs(text: string): Map<string, FieldValue> {
  const out = new Map<string, FieldValue>();
  if (!text.includes('<')) return out;
  const visit = (e: XmlElement): void => {
    if (e.children.length > 0) return e.children.forEach(visit);
    const value = e.text.trim();
    if (value === '') return;
    const prev = out.get(e.name);
    if (prev === undefined) out.set(e.name, value);
    else out.set(e.name, [...(Array.isArray(prev) ? (prev as Scalar[]) : [prev as Scalar]), value]);
  };
  parseXml(text).forEach(visit);
  return out;
}
