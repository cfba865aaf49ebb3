/**
 * `field <op> value` in a search (spec 01 S6-S10): case-insensitive whole-value comparison with
 * `*` wildcards, CIDR subnets, numeric or lexicographic ordering, and Splunk's `!=` rule (the field
 * must exist). A multivalue field matches when any value does.
 */
import type { Scalar } from '../data/event.js';
import { compareBytes, scalarText, toNumber } from '../eval/values.js';
import type { CompareOp, SearchValue } from '../spl/ast.js';
import { cidrContains, parseCidr } from './cidr.js';
import type { RowPredicate } from './compile.js';
import { compileValuePattern, type ValueTest } from './wildcard.js';

export function compileComparison(field: string, op: CompareOp, value: SearchValue): RowPredicate {
  if (op === '=' || op === '!=') {
    const test = equalityTest(value);
    const any = anyValue(field, test);
    if (op === '=') return any;
    // S7: `f!=v` needs the field; `f!=*` never matches.
    const present = anyValue(field, (v) => v.length > 0);
    return /^\*+$/.test(value.text) ? () => false : (row) => present(row) && !any(row);
  }
  return anyValue(field, orderTest(op, value.text));
}

function anyValue(field: string, test: ValueTest): RowPredicate {
  return (row) => {
    const v = row.fields.get(field);
    if (v === undefined) return false;
    if (!Array.isArray(v)) return test(scalarText(v as Scalar));
    for (const x of v as readonly Scalar[]) if (test(scalarText(x))) return true;
    return false;
  };
}

/** S6 whole-value match with wildcards; S10 CIDR when the value is a subnet. */
function equalityTest(value: SearchValue): ValueTest {
  const cidr = value.text.includes('/') ? parseCidr(value.text) : undefined;
  if (cidr) return (v) => cidrContains(cidr, v);
  return compileValuePattern(value.text, value.caseSensitive);
}

/** S8: numeric when both sides are numbers, byte-wise lexicographic otherwise. */
function orderTest(op: CompareOp, literal: string): ValueTest {
  const n = toNumber(literal);
  const holds = (c: number): boolean =>
    op === '<' ? c < 0 : op === '>' ? c > 0 : op === '<=' ? c <= 0 : c >= 0;
  return (v) => {
    const x = n === undefined ? undefined : toNumber(v);
    return holds(x !== undefined && n !== undefined ? Math.sign(x - n) : compareBytes(v, literal));
  };
}
