/**
 * A tiny MaxMind DB writer for tests (24-bit records, no pointers): enough to build a database of a
 * few networks and check the reader and iplocation against it. Written from the public format
 * specification; the files it makes also open with libmaxminddb's mmdblookup.
 */
import { parseIp } from '../../../src/geo/mmdb.js';

export type WriterValue = string | number | boolean | WriterValue[] | { [key: string]: WriterValue };

function sizeBytes(size: number): { bits: number; extra: number[] } {
  if (size < 29) return { bits: size, extra: [] };
  if (size < 285) return { bits: 29, extra: [size - 29] };
  if (size < 65821) return { bits: 30, extra: [(size - 285) >> 8, (size - 285) & 0xff] };
  const n = size - 65821;
  return { bits: 31, extra: [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff] };
}

function header(type: number, size: number): number[] {
  const { bits, extra } = sizeBytes(size);
  return type <= 7 ? [(type << 5) | bits, ...extra] : [bits, type - 7, ...extra];
}

function uint(n: number, type: number): number[] {
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v % 256);
  return [...header(type, bytes.length), ...bytes];
}

export function encode(v: WriterValue): number[] {
  if (typeof v === 'string') {
    const b = [...Buffer.from(v, 'utf8')];
    return [...header(2, b.length), ...b];
  }
  if (typeof v === 'boolean') return header(14, v ? 1 : 0);
  if (typeof v === 'number') {
    if (Number.isInteger(v) && v >= 0 && v < 2 ** 32) return uint(v, v < 65536 ? 5 : 6);
    const b = Buffer.alloc(8);
    b.writeDoubleBE(v);
    return [...header(3, 8), ...b];
  }
  if (Array.isArray(v)) return [...header(11, v.length), ...v.flatMap(encode)];
  const entries = Object.entries(v);
  return [...header(7, entries.length), ...entries.flatMap(([k, x]) => [...encode(k), ...encode(x)])];
}

type Slot = { node: number } | { data: number } | null;

/** Build a database: `networks` are CIDR texts with their records. */
export function buildMmdb(ipVersion: 4 | 6, networks: readonly [string, WriterValue][]): Buffer {
  const nodes: [Slot, Slot][] = [[null, null]];
  const data: number[] = [];
  for (const [cidr, value] of networks) {
    const [addr, len] = cidr.split('/') as [string, string];
    const bytes = parseIp(addr)!;
    const bits = [...bytes].flatMap((b) => [7, 6, 5, 4, 3, 2, 1, 0].map((i) => (b >> i) & 1));
    const path = ipVersion === 6 && bytes.length === 4 ? [...new Array<number>(96).fill(0), ...bits] : bits;
    const prefix = Number(len) + (path.length - bits.length);
    const offset = data.length;
    data.push(...encode(value));
    let node = 0;
    for (let i = 0; i < prefix - 1; i++) {
      const slot = nodes[node]![path[i]!];
      if (slot && 'node' in slot) node = slot.node;
      else {
        nodes.push([null, null]);
        nodes[node]![path[i]!] = { node: nodes.length - 1 };
        node = nodes.length - 1;
      }
    }
    nodes[node]![path[prefix - 1]!] = { data: offset };
  }
  const count = nodes.length;
  const tree = Buffer.alloc(count * 6);
  nodes.forEach((pair, i) => {
    pair.forEach((slot, side) => {
      const value = slot === null ? count : 'node' in slot ? slot.node : count + 16 + slot.data;
      tree.writeUIntBE(value, i * 6 + side * 3, 3);
    });
  });
  // libmaxminddb checks the metadata types: node_count uint32, build_epoch uint64, the rest uint16.
  const metadata = [
    ...header(7, 9),
    ...encode('node_count'), ...uint(count, 6),
    ...encode('record_size'), ...uint(24, 5),
    ...encode('ip_version'), ...uint(ipVersion, 5),
    ...encode('database_type'), ...encode('splq-Test-City'),
    ...encode('languages'), ...encode(['en']),
    ...encode('binary_format_major_version'), ...uint(2, 5),
    ...encode('binary_format_minor_version'), ...uint(0, 5),
    ...encode('build_epoch'), ...uint(1700000000, 9),
    ...encode('description'), ...encode({ en: 'splq test database' }),
  ];
  const marker = Buffer.concat([Buffer.from([0xab, 0xcd, 0xef]), Buffer.from('MaxMind.com')]);
  return Buffer.concat([tree, Buffer.alloc(16), Buffer.from(data), marker, Buffer.from(metadata)]);
}
