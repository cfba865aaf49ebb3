/** grammar/ is generated from the parser; this fails when it is out of date (run `npm run grammar`). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { grammarDiagramsHtml, grammarEbnf } from '../src/spl/grammar-text.js';

const dir = join(import.meta.dirname, '..', 'grammar');

it('grammar/spl.ebnf matches the parser', () => {
  expect(readFileSync(join(dir, 'spl.ebnf'), 'utf8')).toBe(grammarEbnf());
});

it('grammar/diagrams.html matches the parser', () => {
  expect(readFileSync(join(dir, 'diagrams.html'), 'utf8')).toBe(grammarDiagramsHtml());
});
