// The search text `return` makes (src/commands/return.ts).
import { describe, expect, it } from 'vitest';
import { returnText } from '../../../src/commands/return.js';
import type { ReturnItem } from '../../../src/spl/commands/return.js';
import { rows } from './subsearch-helpers.js';

const span = { start: 0, end: 0 };
const field = (f: string): ReturnItem => ({ kind: 'field', span, field: f });
const alias = (a: string, f: string): ReturnItem => ({ kind: 'alias', span, alias: a, field: f });
const value = (f: string): ReturnItem => ({ kind: 'value', span, field: f });

describe('return text', () => {
  it('one row: pairs side by side, no parentheses', () => {
    expect(returnText(rows({ ip: '10.0.0.1', user: 'bob' }), [field('ip'), alias('who', 'user')])).toBe('ip="10.0.0.1" who="bob"');
  });

  it('several rows: each parenthesised, ORed', () => {
    expect(returnText(rows({ ip: '1' }, { ip: '2' }), [field('ip')])).toBe('(ip="1") OR (ip="2")');
  });

  it('$field gives bare values; absent fields and empty rows drop out', () => {
    expect(returnText(rows({ id: 7 }), [value('id')])).toBe('7');
    expect(returnText(rows({ a: '1' }, { b: '2' }), [field('a')])).toBe('a="1"');
    expect(returnText(rows(), [field('a')])).toBe('');
  });

  it('a multivalue field is ORed; values are escaped', () => {
    expect(returnText(rows({ a: ['x', 'y"z'] }), [field('a')])).toBe('( a="x" OR a="y\\"z" )');
  });
});
