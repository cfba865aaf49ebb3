/** CIDR subnets for `field=10.0.0.0/8` (spec 01 S10) and later `cidrmatch()`: IPv4 and IPv6. */

export interface Cidr {
  readonly bits: readonly number[];
  readonly prefix: number;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** An address as a bit array (32 or 128 bits), or undefined. */
export function parseIp(text: string): number[] | undefined {
  const m = IPV4.exec(text.trim());
  if (m) {
    const octets = m.slice(1).map(Number);
    if (octets.some((o) => o > 255)) return undefined;
    return octets.flatMap((o) => toBits(o, 8));
  }
  return parseIpv6(text.trim());
}

function parseIpv6(text: string): number[] | undefined {
  if (!text.includes(':') || !/^[0-9a-fA-F:.]+$/.test(text)) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (s: string): string[] => (s === '' ? [] : s.split(':'));
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  const missing = 8 - head.length - tail.length;
  if ((halves.length === 1 && missing !== 0) || missing < 0) return undefined;
  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  if (all.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
  return all.flatMap((g) => toBits(parseInt(g, 16), 16));
}

function toBits(n: number, width: number): number[] {
  const out: number[] = [];
  for (let i = width - 1; i >= 0; i--) out.push((n >> i) & 1);
  return out;
}

export function parseCidr(text: string): Cidr | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const bits = parseIp(text.slice(0, slash));
  const prefixText = text.slice(slash + 1);
  if (!bits || !/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  return prefix <= bits.length ? { bits, prefix } : undefined;
}

export function cidrContains(cidr: Cidr, address: string): boolean {
  const bits = parseIp(address);
  if (!bits || bits.length !== cidr.bits.length) return false;
  for (let i = 0; i < cidr.prefix; i++) if (bits[i] !== cidr.bits[i]) return false;
  return true;
}
