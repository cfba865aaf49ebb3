/**
 * Cut the inputs into slices that can be read apart (worker threads, issue 5): a large NDJSON file
 * into byte ranges that start at line starts, anything else (compressed, UTF-16, a JSON document or
 * array, a binary file, stdin) whole. Slices are numbered in input order, which is the order their
 * results are put back together in.
 */
import { open, stat } from 'node:fs/promises';
import { listInput, WHOLE_FILE, type InputSlice } from '../data/load.js';

/** Bytes looked at to decide how a file is read. */
const PROBE = 1 << 16;
/** As records.ts: NUL bytes near the start make a file binary. */
const BINARY_PROBE = 8192;
/** Slices per lane of a large file, so a lane that starts late (a thread loading) still gets work. */
const SLICES_PER_LANE = 8;
const MAX_SLICES_PER_FILE = 4096;
const LF = 10;
const CR = 13;

export interface SliceOptions {
  /** Lanes that will read slices. */
  readonly lanes: number;
  /** Smallest byte range a file is cut into. */
  readonly minBytes: number;
}

/** The slices of the inputs, or null when they cannot be read apart (stdin). */
export async function planSlices(inputs: readonly string[], options: SliceOptions): Promise<InputSlice[] | null> {
  if (inputs.includes('-')) return null;
  const slices: InputSlice[] = [];
  for (const input of inputs) {
    for (const file of await listInput(input)) {
      for (const [start, end] of await rangesOf(file, options)) slices.push({ index: slices.length, file, start, end });
    }
  }
  return slices;
}

async function rangesOf(file: string, options: SliceOptions): Promise<Array<[number, number]>> {
  const size = (await stat(file)).size;
  const parts = Math.min(MAX_SLICES_PER_FILE, options.lanes * SLICES_PER_LANE, Math.floor(size / Math.max(1, options.minBytes)));
  if (parts < 2) return [[0, WHOLE_FILE]];
  const handle = await open(file, 'r');
  try {
    if (!(await isLineFile(handle))) return [[0, WHOLE_FILE]];
    const cuts = [0];
    for (let i = 1; i < parts; i++) {
      const cut = await lineStartAtOrAfter(handle, Math.floor((size * i) / parts), size);
      if (cut > cuts[cuts.length - 1]! && cut < size) cuts.push(cut);
    }
    cuts.push(size);
    return cuts.slice(1).map((end, i) => [cuts[i]!, end]);
  } finally {
    await handle.close();
  }
}

/**
 * Whether records.ts reads the file line by line from its first line on: not gzip, not UTF-16, no
 * NUL bytes, and a first non-blank line that is JSON by itself or does not open a document.
 */
async function isLineFile(handle: Awaited<ReturnType<typeof open>>): Promise<boolean> {
  const head = Buffer.alloc(PROBE);
  const { bytesRead } = await handle.read(head, 0, PROBE, 0);
  const bytes = head.subarray(0, bytesRead);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return false;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  if (bytes.subarray(0, BINARY_PROBE).indexOf(0) >= 0) return false;
  let pos = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (;;) {
    const nl = bytes.indexOf(LF, pos);
    if (nl < 0) return false;
    // As records.ts lineOf: blank = only space, tab and CR; a trailing CR is not part of the line.
    const end = nl > pos && bytes[nl - 1] === CR ? nl - 1 : nl;
    let first = pos;
    while (first < end && (bytes[first] === 32 || bytes[first] === 9 || bytes[first] === CR)) first++;
    if (first < end) return isJson(bytes.toString('utf8', pos, end)) || (bytes[first] !== 0x7b && bytes[first] !== 0x5b);
    pos = nl + 1;
  }
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** The first line start at or after `pos`: just past the first newline at or after pos - 1. */
async function lineStartAtOrAfter(handle: Awaited<ReturnType<typeof open>>, pos: number, size: number): Promise<number> {
  const buf = Buffer.alloc(PROBE);
  for (let at = pos - 1; at < size; at += PROBE) {
    const { bytesRead } = await handle.read(buf, 0, PROBE, at);
    if (bytesRead === 0) break;
    const nl = buf.subarray(0, bytesRead).indexOf(LF);
    if (nl >= 0) return at + nl + 1;
  }
  return size;
}
