/**
 * A reader for MaxMind DB files (the MMDB format of GeoLite2/GeoIP2, DB-IP and others), written
 * from the public format specification (MaxMind DB File Format Specification 2.0): metadata found
 * after the last "\xAB\xCD\xEFMaxMind.com" marker, a binary search tree of 24-, 28- or 32-bit
 * records, and a data section of typed values (maps, arrays, strings, numbers, pointers).
 * The whole file is read into memory once; lookups decode only the record they reach.
 */
import { readFileSync } from 'node:fs';

export type MmdbValue = string | number | boolean | MmdbValue[] | { [key: string]: MmdbValue };

export interface MmdbMetadata {
  readonly nodeCount: number;
  readonly recordSize: number;
  readonly ipVersion: number;
  readonly databaseType: string;
}

const MARKER = Buffer.from([0xab, 0xcd, 0xef, ...Buffer.from('MaxMind.com')]);
const MAX_DEPTH = 64;

export class MmdbError extends Error {}

export class MmdbReader {
  readonly metadata: MmdbMetadata;
  private readonly treeSize: number;
  private readonly nodeBytes: number;
  private ipv4Start = -1;

  constructor(private readonly buf: Buffer) {
    const at = buf.lastIndexOf(MARKER);
    if (at < 0) throw new MmdbError('not a MaxMind DB file (no metadata marker)');
    const meta = new Decoder(buf, at + MARKER.length).value(at + MARKER.length, 0).value;
    if (typeof meta !== 'object' || meta === null || Array.isArray(meta)) throw new MmdbError('malformed metadata');
    const nodeCount = Number(meta['node_count']);
    const recordSize = Number(meta['record_size']);
    if (![24, 28, 32].includes(recordSize) || !Number.isSafeInteger(nodeCount)) throw new MmdbError(`unsupported record size ${recordSize}`);
    this.metadata = { nodeCount, recordSize, ipVersion: Number(meta['ip_version']), databaseType: String(meta['database_type'] ?? '') };
    this.nodeBytes = recordSize / 4;
    this.treeSize = this.nodeBytes * nodeCount;
    if (this.treeSize + 16 > at) throw new MmdbError('search tree larger than the file');
  }

  static open(path: string): MmdbReader {
    return new MmdbReader(readFileSync(path));
  }

  /** The record for an IPv4 or IPv6 address text, or undefined (not found, or not an address). */
  lookup(ip: string): MmdbValue | undefined {
    const bytes = parseIp(ip);
    if (!bytes) return undefined;
    if (bytes.length === 16 && this.metadata.ipVersion === 4) return undefined;
    let node = bytes.length === 4 && this.metadata.ipVersion === 6 ? this.ipv4Root() : 0;
    const bits = bytes.length * 8;
    for (let i = 0; i < bits && node < this.metadata.nodeCount; i++) {
      const bit = (bytes[i >> 3]! >> (7 - (i & 7))) & 1;
      node = this.record(node, bit);
    }
    return this.resolve(node);
  }

  private resolve(record: number): MmdbValue | undefined {
    const n = this.metadata.nodeCount;
    if (record <= n) return undefined;
    const offset = record - n + this.treeSize;
    if (offset >= this.buf.length) throw new MmdbError('data pointer past the end of the file');
    return new Decoder(this.buf, this.treeSize + 16).value(offset, 0).value;
  }

  /** IPv4 addresses live under ::/96 in an IPv6 tree: follow 96 zero bits once. */
  private ipv4Root(): number {
    if (this.ipv4Start < 0) {
      let node = 0;
      for (let i = 0; i < 96 && node < this.metadata.nodeCount; i++) node = this.record(node, 0);
      this.ipv4Start = node;
    }
    return this.ipv4Start;
  }

  private record(node: number, bit: number): number {
    const b = this.buf;
    const base = node * this.nodeBytes;
    if (this.metadata.recordSize === 24) return b.readUIntBE(base + bit * 3, 3);
    if (this.metadata.recordSize === 32) return b.readUInt32BE(base + bit * 4);
    const middle = b[base + 3]!;
    return bit === 0 ? ((middle & 0xf0) << 20) | b.readUIntBE(base, 3) : ((middle & 0x0f) << 24) | b.readUIntBE(base + 4, 3);
  }
}

/** Decodes data-section values; pointers are relative to `base`. */
class Decoder {
  constructor(
    private readonly buf: Buffer,
    private readonly base: number,
  ) {}

  value(offset: number, depth: number): { value: MmdbValue; next: number } {
    if (depth > MAX_DEPTH) throw new MmdbError('data nested too deeply');
    const ctrl = this.byte(offset);
    let type = ctrl >> 5;
    let pos = offset + 1;
    if (type === 1) return this.pointer(ctrl, pos, depth);
    if (type === 0) type = 7 + this.byte(pos++);
    const [size, start] = this.size(ctrl & 0x1f, pos);
    return this.typed(type, size, start, depth);
  }

  private byte(i: number): number {
    const v = this.buf[i];
    if (v === undefined) throw new MmdbError('data runs past the end of the file');
    return v;
  }

  private size(bits: number, pos: number): [number, number] {
    if (bits < 29) return [bits, pos];
    if (bits === 29) return [29 + this.byte(pos), pos + 1];
    if (bits === 30) return [285 + this.buf.readUInt16BE(pos), pos + 2];
    return [65821 + this.buf.readUIntBE(pos, 3), pos + 3];
  }

  private pointer(ctrl: number, pos: number, depth: number): { value: MmdbValue; next: number } {
    const ss = (ctrl >> 3) & 3;
    const vvv = ctrl & 7;
    const sizes = [1, 2, 3, 4];
    const n = sizes[ss]!;
    const raw = this.buf.readUIntBE(pos, n);
    const target = ss === 0 ? (vvv << 8) | raw : ss === 1 ? ((vvv << 16) | raw) + 2048 : ss === 2 ? vvv * 0x1000000 + raw + 526336 : raw;
    return { value: this.value(this.base + target, depth + 1).value, next: pos + n };
  }

  private typed(type: number, size: number, start: number, depth: number): { value: MmdbValue; next: number } {
    const b = this.buf;
    const end = start + size;
    switch (type) {
      case 2: return { value: b.toString('utf8', start, end), next: end };
      case 3: return { value: b.readDoubleBE(start), next: start + 8 };
      case 4: return { value: b.subarray(start, end).toString('hex'), next: end };
      case 5: case 6: case 9: case 10: return { value: unsigned(b, start, size), next: end };
      case 7: return this.map(size, start, depth);
      // int32: shorter encodings are zero-padded, so only a 4-byte value can be negative.
      case 8: return { value: size === 0 ? 0 : size < 4 ? b.readUIntBE(start, size) : b.readInt32BE(start), next: end };
      case 11: return this.array(size, start, depth);
      case 14: return { value: size !== 0, next: start };
      case 15: return { value: b.readFloatBE(start), next: start + 4 };
      default: throw new MmdbError(`unknown data type ${type}`);
    }
  }

  private map(size: number, pos: number, depth: number): { value: MmdbValue; next: number } {
    const out: { [key: string]: MmdbValue } = Object.create(null) as { [key: string]: MmdbValue };
    for (let i = 0; i < size; i++) {
      const key = this.value(pos, depth + 1);
      const val = this.value(key.next, depth + 1);
      out[String(key.value)] = val.value;
      pos = val.next;
    }
    return { value: out, next: pos };
  }

  private array(size: number, pos: number, depth: number): { value: MmdbValue; next: number } {
    const out: MmdbValue[] = [];
    for (let i = 0; i < size; i++) {
      const item = this.value(pos, depth + 1);
      out.push(item.value);
      pos = item.next;
    }
    return { value: out, next: pos };
  }
}

/** Unsigned integers up to 128 bits; past 2^53 the value is kept as decimal text. */
function unsigned(b: Buffer, start: number, size: number): number | string {
  let n = 0n;
  for (let i = 0; i < size; i++) n = (n << 8n) | BigInt(b[start + i]!);
  return n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n.toString();
}

/** An IPv4 (4 bytes) or IPv6 (16 bytes) address, or undefined. */
export function parseIp(text: string): Uint8Array | undefined {
  const s = text.trim();
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(s)) {
    const parts = s.split('.').map(Number);
    return parts.every((p) => p <= 255) ? Uint8Array.from(parts) : undefined;
  }
  return s.includes(':') ? parseIpv6(s) : undefined;
}

function parseIpv6(s: string): Uint8Array | undefined {
  let text = s.replace(/%.*$/, '');
  const v4 = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text);
  if (v4) {
    // A trailing dotted quad (::ffff:1.2.3.4) is the last two 16-bit groups.
    const b = parseIp(v4[1]!);
    if (!b || b.length !== 4) return undefined;
    text = text.slice(0, v4.index) + `${((b[0]! << 8) | b[1]!).toString(16)}:${((b[2]! << 8) | b[3]!).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const group = (h: string): number[] | undefined => {
    if (h === '') return [];
    const gs = h.split(':');
    return gs.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g)) ? gs.map((g) => parseInt(g, 16)) : undefined;
  };
  const head = group(halves[0]!);
  const rest = halves.length === 2 ? group(halves[1]!) : [];
  if (!head || !rest) return undefined;
  const known = head.length + rest.length;
  if (halves.length === 1 ? known !== 8 : known > 7) return undefined;
  const words = [...head, ...new Array<number>(8 - known).fill(0), ...rest];
  const out = new Uint8Array(16);
  words.forEach((w, i) => {
    out[2 * i] = w >> 8;
    out[2 * i + 1] = w & 0xff;
  });
  return out;
}
