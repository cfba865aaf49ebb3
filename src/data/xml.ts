/**
 * A small, lenient XML reader for `xmlkv` and `spath` on XML: elements with their attributes,
 * direct text (entities and CDATA decoded) and the span of their content in the source, so a
 * path to an element with children can return its inner XML as written. Declarations, processing
 * instructions, comments and DOCTYPE are skipped. It never throws: text that is not well-formed
 * yields the elements read before the fault (a field holding XML is often cut or loosely formed),
 * and so does nesting deeper than MAX_XML_DEPTH, which the recursive readers of the tree could not
 * walk. Each tag costs constant time however deep the nesting (no quadratic blow-up).
 */

export interface XmlElement {
  readonly name: string;
  readonly attributes: ReadonlyArray<readonly [string, string]>;
  readonly children: XmlElement[];
  /** The element's own text (not its descendants'), decoded. */
  text: string;
  /** [contentStart, contentEnd) in the source: between the start tag and the end tag. */
  contentStart: number;
  contentEnd: number;
}

const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decode `&lt;` `&#65;` `&#x41;`; an unknown entity stays as written. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[body] ?? whole;
  });
}

/** Elements nested deeper than this end the parse (as a fault does). */
export const MAX_XML_DEPTH = 1000;

const NAME = /[^\s/>=]+/y;
const ATTRIBUTE = /\s*([^\s/>=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;

/** The top-level elements of `text` (usually one root). */
export function parseXml(text: string): XmlElement[] {
  const roots: XmlElement[] = [];
  const stack = new OpenStack();
  let pos = 0;
  const addText = (s: string): void => {
    const top = stack.at(-1);
    if (top) top.text += s;
  };
  while (pos < text.length) {
    const lt = text.indexOf('<', pos);
    if (lt < 0) {
      addText(decodeEntities(text.slice(pos)));
      break;
    }
    if (lt > pos) addText(decodeEntities(text.slice(pos, lt)));
    const next = markup(text, lt, stack, roots, addText);
    if (next < 0) break;
    pos = next;
  }
  for (const open of stack.elements) open.contentEnd = text.length;
  return roots;
}

/** The open elements, with a count per name so a stray end tag is found stray in constant time. */
class OpenStack {
  readonly elements: XmlElement[] = [];
  private readonly open = new Map<string, number>();

  get length(): number {
    return this.elements.length;
  }

  at(i: number): XmlElement | undefined {
    return this.elements.at(i);
  }

  push(e: XmlElement): void {
    this.elements.push(e);
    this.open.set(e.name, (this.open.get(e.name) ?? 0) + 1);
  }

  pop(): XmlElement {
    const e = this.elements.pop()!;
    this.open.set(e.name, this.open.get(e.name)! - 1);
    return e;
  }

  isOpen(name: string): boolean {
    return (this.open.get(name) ?? 0) > 0;
  }
}

/** Read the markup at `lt`; returns the position after it, or -1 when the text ends inside it. */
function markup(text: string, lt: number, stack: OpenStack, roots: XmlElement[], addText: (s: string) => void): number {
  if (text.startsWith('<!--', lt)) return after(text, '-->', lt + 4);
  if (text.startsWith('<![CDATA[', lt)) {
    const end = text.indexOf(']]>', lt + 9);
    if (end < 0) return -1;
    addText(text.slice(lt + 9, end));
    return end + 3;
  }
  if (text.startsWith('<?', lt)) return after(text, '?>', lt + 2);
  if (text.startsWith('<!', lt)) return after(text, '>', lt + 2);
  if (text[lt + 1] === '/') return endTag(text, lt, stack);
  return startTag(text, lt, stack, roots);
}

function after(text: string, close: string, from: number): number {
  const end = text.indexOf(close, from);
  return end < 0 ? -1 : end + close.length;
}

function endTag(text: string, lt: number, stack: OpenStack): number {
  const gt = text.indexOf('>', lt);
  if (gt < 0) return -1;
  const name = text.slice(lt + 2, gt).trim();
  // Close up to the matching open element; a stray end tag is ignored.
  if (stack.isOpen(name)) {
    for (let closed = stack.pop(); ; closed = stack.pop()) {
      closed.contentEnd = lt;
      if (closed.name === name) break;
    }
  }
  return gt + 1;
}

function startTag(text: string, lt: number, stack: OpenStack, roots: XmlElement[]): number {
  if (stack.length >= MAX_XML_DEPTH) return -1;
  NAME.lastIndex = lt + 1;
  const m = NAME.exec(text);
  if (!m) return lt + 1;
  let pos = NAME.lastIndex;
  const attributes: [string, string][] = [];
  for (;;) {
    ATTRIBUTE.lastIndex = pos;
    const a = ATTRIBUTE.exec(text);
    if (!a) break;
    attributes.push([a[1]!, decodeEntities(a[2] ?? a[3] ?? '')]);
    pos = ATTRIBUTE.lastIndex;
  }
  const gt = text.indexOf('>', pos);
  if (gt < 0) return -1;
  const selfClosing = text[gt - 1] === '/';
  const element: XmlElement = { name: m[0], attributes, children: [], text: '', contentStart: gt + 1, contentEnd: gt + 1 };
  const parent = stack.at(-1);
  if (parent) parent.children.push(element);
  else roots.push(element);
  if (!selfClosing) stack.push(element);
  return gt + 1;
}
