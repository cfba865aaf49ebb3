/**
 * The shared parser skips Chevrotain's grammar validations at start-up (src/spl/parser.ts); this
 * builds one that runs them, so an ambiguous or left-recursive rule still fails here.
 */
import { expect, it } from 'vitest';
import { SplParser } from '../../src/spl/parser.js';

it("passes Chevrotain's grammar validations", () => {
  expect(() => new SplParser({ validate: true })).not.toThrow();
});
