// Regenerate grammar/spl.ebnf and grammar/diagrams.html from the built parser (npm run build first).
import { mkdirSync, writeFileSync } from 'node:fs';
import { grammarDiagramsHtml, grammarEbnf } from '../dist/spl/grammar-text.js';

const dir = new URL('../grammar/', import.meta.url);
mkdirSync(dir, { recursive: true });
writeFileSync(new URL('spl.ebnf', dir), grammarEbnf());
writeFileSync(new URL('diagrams.html', dir), grammarDiagramsHtml());
console.log('wrote grammar/spl.ebnf and grammar/diagrams.html');
