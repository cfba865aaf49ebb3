/** The lenient XML reader (src/data/xml.ts) and xmlkv pairs (src/commands/xmlkv.ts). */
import { describe, expect, it } from 'vitest';
import { decodeEntities, parseXml } from '../../../src/data/xml.js';
import { xmlPairs } from '../../../src/commands/xmlkv.js';

describe('XML reader', () => {
  it('decodes entities and keeps unknown ones', () => {
    expect(decodeEntities('a &lt;b&gt; &amp; &#65;&#x42; &nbsp;')).toBe('a <b> & AB &nbsp;');
  });

  it('reads attributes, self-closing elements and content spans', () => {
    const text = "<a x='1' y=\"2\"><b/><c>t</c></a>";
    const [a] = parseXml(text);
    expect(a!.attributes).toEqual([['x', '1'], ['y', '2']]);
    expect(a!.children.map((c) => c.name)).toEqual(['b', 'c']);
    expect(text.slice(a!.contentStart, a!.contentEnd)).toBe('<b/><c>t</c>');
  });

  it('keeps what it read from truncated or malformed text', () => {
    expect(parseXml('<a><b>1</b><c>2').map((e) => e.children.map((c) => c.text))).toEqual([['1', '2']]);
    expect(parseXml('<a><b>1</b></x></a>')[0]!.children[0]!.text).toBe('1');
  });
});

describe('xmlkv pairs', () => {
  it('takes leaves only, trims text, skips empty leaves, collects repeats', () => {
    const pairs = xmlPairs('<e><k> v </k><k>w</k><empty/><n><m>1</m></n></e>');
    expect(Object.fromEntries(pairs)).toEqual({ k: ['v', 'w'], m: '1' });
  });

  it('finds nothing in text without markup', () => {
    expect(xmlPairs('plain').size).toBe(0);
  });
});
