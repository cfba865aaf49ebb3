/**
 * A small strict XML 1.0 parser for tests (the JUnit report): declaration, elements, attributes,
 * text, character and the five predefined entity references, comments, CDATA. It throws on
 * anything not well-formed: mismatched or unclosed tags, a raw `<` or `&` in text, duplicate
 * attributes, characters XML forbids, content after the root element.
 */
export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  /** The element's own text (children's text excluded), entities decoded. */
  readonly text: string;
}

const NAME = /[A-Za-z_:][\w.:-]*/y;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

export function parseXml(src: string): XmlElement {
  if (FORBIDDEN.test(src)) throw new Error('character not allowed in XML');
  let pos = 0;
  const fail = (why: string): never => {
    throw new Error(`${why} at offset ${pos}: ${JSON.stringify(src.slice(pos, pos + 30))}`);
  };
  const skipSpace = () => {
    while (/\s/.test(src[pos] ?? '')) pos++;
  };
  const skipMisc = () => {
    for (;;) {
      skipSpace();
      if (src.startsWith('<!--', pos)) {
        const end = src.indexOf('-->', pos);
        if (end < 0) fail('unclosed comment');
        pos = end + 3;
      } else return;
    }
  };
  const name = (): string => {
    NAME.lastIndex = pos;
    const m = NAME.exec(src);
    if (!m) return fail('expected a name');
    pos += m[0].length;
    return m[0];
  };
  const decode = (text: string): string =>
    text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);|&|</g, (whole, ref: string | undefined) => {
      if (whole === '<' || ref === undefined) return fail(`raw "${whole}" in text`);
      if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
      if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
      return ENTITIES[ref] ?? fail(`unknown entity &${ref};`);
    });
  const attrValue = (): string => {
    const quote = src[pos];
    if (quote !== '"' && quote !== "'") return fail('expected a quoted attribute value');
    const end = src.indexOf(quote, pos + 1);
    if (end < 0) fail('unclosed attribute value');
    const raw = src.slice(pos + 1, end);
    pos = end + 1;
    return decode(raw);
  };
  const element = (): XmlElement => {
    if (src[pos] !== '<') fail('expected "<"');
    pos++;
    const tag = name();
    const attrs: Record<string, string> = {};
    for (;;) {
      const before = pos;
      skipSpace();
      if (src.startsWith('/>', pos)) {
        pos += 2;
        return { name: tag, attrs, children: [], text: '' };
      }
      if (src[pos] === '>') {
        pos++;
        break;
      }
      if (pos === before) fail('expected whitespace before an attribute');
      const key = name();
      if (Object.hasOwn(attrs, key)) fail(`duplicate attribute ${key}`);
      skipSpace();
      if (src[pos] !== '=') fail('expected "="');
      pos++;
      skipSpace();
      attrs[key] = attrValue();
    }
    return content(tag, attrs);
  };
  const content = (tag: string, attrs: Record<string, string>): XmlElement => {
    const children: XmlElement[] = [];
    let text = '';
    for (;;) {
      if (pos >= src.length) fail(`unclosed <${tag}>`);
      if (src.startsWith('</', pos)) {
        pos += 2;
        if (name() !== tag) fail(`mismatched closing tag for <${tag}>`);
        skipSpace();
        if (src[pos] !== '>') fail('expected ">"');
        pos++;
        return { name: tag, attrs, children, text };
      }
      if (src.startsWith('<!--', pos)) skipMisc();
      else if (src.startsWith('<![CDATA[', pos)) {
        const end = src.indexOf(']]>', pos);
        if (end < 0) fail('unclosed CDATA');
        text += src.slice(pos + 9, end);
        pos = end + 3;
      } else if (src[pos] === '<') children.push(element());
      else {
        const end = src.indexOf('<', pos);
        const raw = src.slice(pos, end < 0 ? src.length : end);
        if (raw.includes(']]>')) fail('"]]>" in text');
        text += decode(raw);
        pos += raw.length;
      }
    }
  };
  if (src.startsWith('<?xml', pos)) {
    const end = src.indexOf('?>', pos);
    if (end < 0) fail('unclosed XML declaration');
    pos = end + 2;
  }
  skipMisc();
  const root = element();
  skipMisc();
  if (pos !== src.length) fail('content after the root element');
  return root;
}
