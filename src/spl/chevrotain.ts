/**
 * The one place that imports Chevrotain's runtime, so tokens and parser share one instance (types
 * still come from 'chevrotain' directly). The CLI is shipped as a bundle (rolldown.config.mjs):
 * Chevrotain's entry point loads about 700 small modules (its own and lodash-es's), which would
 * cost about 0.2 s at every start and in every worker thread.
 */
export { CstParser, Lexer, createToken, createTokenInstance, createSyntaxDiagramsCode } from 'chevrotain';
