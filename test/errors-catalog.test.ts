/**
 * Errors are a product surface (issue 7): every code of the catalog (src/errors/codes.ts) is
 * reachable from an input a user can give (a search, macro definitions, event/lookup/detection
 * files, CLI arguments), and is rendered as `error[CODE]: message` with a position where the
 * error has one. A code without an entry here fails the test: give it an input, or remove it.
 * Input problems (I002, I7xx) do not stop a search: they are reached through the problems list.
 */
import { execFile, spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, type Limits } from '../src/commands/services.js';
import { CODES, type ErrorCode } from '../src/errors/codes.js';
import { renderError } from '../src/errors/render.js';
import { formatMessage, SplError } from '../src/errors/spl-error.js';
import { runSearch, StageError, type RunResult } from '../src/pipeline.js';
import { REPO_ROOT } from './helpers/cases.js';

const CLI = join(REPO_ROOT, 'dist', 'splq.js');
const CLOCK = { now: 1_700_000_000, zone: 'UTC' };

type Files = Readonly<Record<string, string | Buffer | { link: string }>>;

/** A search run in-process over `events.ndjson` (or the files given), with macros and lookups. */
interface SearchReach {
  readonly spl: string;
  readonly files?: Files;
  /** Event inputs, relative to the case folder (default: events.ndjson, written when not given). */
  readonly events?: readonly string[];
  readonly macros?: readonly string[];
  readonly inline?: readonly string[];
  readonly lookups?: readonly string[];
  readonly geoip?: string;
  readonly limits?: Partial<Limits>;
}

/** The built binary, run in the case folder; `{hec}` in an argument is the test HEC server's URL. */
interface CliReach {
  readonly cli: readonly string[];
  readonly files?: Files;
  /** Where the code shows: stderr as `error[CODE]` (default), or stdout (validate's report). */
  readonly on?: 'stdout';
}

type Reach = SearchReach | CliReach;

const EVENTS = '{"a":"1","b":"x","n":"5","_time":"1700000000"}\n{"a":"2","b":"y","n":"7","_time":"1700000100"}\n';
const UNSORTED = '{"a":"1","_time":"1700000000"}\n{"a":"2","_time":"1700000100"}\n{"a":"3","_time":"1700000050"}\n';
const LOOKUP = { 'lookups/users.csv': 'user,role\nalice,admin\n' };
const DETECTION = (search: string) => `name: d\nid: 1\nsearch: '${search}'\n`;
const CONTENT_REPO = {
  'repo/detections/d.yml': DETECTION('| makeresults | lookup nosuch_lookup a OUTPUT b'),
  'repo/lookups/other.csv': 'a,b\n1,2\n',
};

/** One input per code. Keep it the smallest input a user could write that produces the code. */
const REACH: Readonly<Record<ErrorCode, Reach>> = {
  // ---------------------------------------------------------------- macros
  M001: { spl: 'a `nosuch` b' },
  M002: { spl: '`d0`', inline: Array.from({ length: 101 }, (_, i) => `d${i}=\`d${i + 1}\``) },
  M003: { spl: '`loop`', inline: ['loop=x `loop`'] },
  M004: { spl: 'a `open b' },
  M005: { spl: '`m(a`', inline: ['m(x)=$x$'] },
  M006: { spl: '`e`', macros: ['macros.conf'], files: { 'macros.conf': '[e]\ndefinition = 1+1\niseval = 1\n' } },
  M007: { spl: 'a', macros: ['missing.conf'] },
  M008: { spl: 'a', macros: ['macros.conf'], files: { 'macros.conf': '[m]\njust words\n' } },
  M009: { spl: 'a', inline: ['no definition'] },
  M011: { spl: '`m0`', inline: [...Array.from({ length: 12 }, (_, i) => `m${i}=\`m${i + 1}\`\`m${i + 1}\``), `m12=${'x'.repeat(500)}`] },
  M012: { spl: 'a ```never closed' },
  M013: { spl: 'a `` b' },
  M014: { spl: '`m0`', inline: [...Array.from({ length: 20 }, (_, i) => `m${i}=\`m${i + 1}\`\`m${i + 1}\``), 'm20='] },
  // ---------------------------------------------------------------- lexing and parsing
  L001: { spl: 'a="unclosed' },
  L002: { spl: '| makeresults | eval x=1 ^ 2' },
  P001: { spl: '* | nosuchcommand' },
  P002: { spl: '(a OR b' },
  P003: { spl: 'a ] b' },
  P004: { spl: 'a | | stats count' },
  P005: { spl: '* | stats count by' },
  P008: { spl: '| makeresults | search' },
  P009: { spl: '   ' },
  P010: { spl: 'a [search b' },
  // ---------------------------------------------------------------- bind: search, stats, rename, convert
  B001: { spl: '* | stats nosuch(a)' },
  B002: { spl: '* | stats count by count' },
  B003: { spl: '* | rename a* AS b' },
  B004: { spl: '* | rename a AS b, a AS c' },
  B005: { spl: 'earliest=notatime' },
  B006: { spl: '* | convert nosuch(a)' },
  B007: { spl: '* | fit LinearRegression n from a' },
  B008: { spl: 'a | makeresults' },
  B009: { spl: '* | stats count(a) AS x, count(a) AS y' },
  B010: { cli: ['validate', 'repo'], files: CONTENT_REPO, on: 'stdout' },
  // ---------------------------------------------------------------- eval
  B101: { spl: '* | eval x=nosuch(a)' },
  B102: { spl: '* | eval x=len()' },
  B103: { spl: '* | eval x=round("a")' },
  B104: { spl: '* | eval x=a>1' },
  B105: { spl: '* | where match(a, "(")' },
  R101: { spl: '| makeresults | eval x=mvrange(0, 100000000)' },
  R102: { spl: '* | where match(a, "b")', limits: { maxRegexInput: 10 }, files: { 'events.ndjson': `{"a":"${'a'.repeat(100)}"}\n` } },
  R103: { spl: '* | where match(a, "(a)\\1a*a*b")', files: { 'events.ndjson': `{"a":"${'a'.repeat(5000)}"}\n` } },
  R104: { spl: '* | where match(a, b)', files: { 'events.ndjson': '{"a":"x","b":"("}\n' } },
  // ---------------------------------------------------------------- result-shaping commands
  B201: { spl: '* | dedup a nosuch=1' },
  B202: { spl: '* | dedup a keepevents=maybe' },
  B203: { spl: '* | head 5 limit=3' },
  B204: { spl: '* | bin span=1x _time' },
  B205: { spl: '* | bin aligntime=earliest span=1h _time' },
  // ---------------------------------------------------------------- stats family and charts
  B301: { spl: '* | streamstats window=-1 count' },
  B302: { spl: '* | timechart nosuch=1 count' },
  B303: { spl: '* | chart count(a*) by b' },
  B304: { spl: '* | chart eval(avg(n)*2) over a' },
  B305: { spl: '* | chart eval(n*2) AS y by a' },
  B306: { spl: '* | chart count span=1h' },
  R301: { spl: '* | sort 0 _time | eval _time=if(a=="3", 1, _time) | streamstats time_window=1h count', files: { 'events.ndjson': UNSORTED } },
  // ---------------------------------------------------------------- extraction and grouping commands
  B401: { spl: '* | rex nosuch=1 "(?<x>a)"' },
  B402: { spl: '* | rex max_match=many "(?<x>a)"' },
  B403: { spl: '* | rex "abc"' },
  B404: { spl: '* | rex mode=sed "q/a/b/"' },
  B405: { spl: '* | makemv delim="" a' },
  B406: { spl: '* | iplocation a' },
  B407: { spl: '* | iplocation a', geoip: 'missing.mmdb' },
  B408: { spl: '* | transaction name=t' },
  // ---------------------------------------------------------------- lookups
  B501: { spl: '* | lookup nosuch a', lookups: ['lookups'], files: LOOKUP },
  B502: { spl: '| inputlookup ../users.csv', lookups: ['lookups'], files: LOOKUP },
  B503: { spl: '* | lookup ext a', lookups: ['lookups'], files: { ...LOOKUP, 'lookups/transforms.conf': '[ext]\nexternal_cmd = x.py a\nfields_list = a\n' } },
  B504: { spl: '* | lookup def a', lookups: ['lookups'], files: { ...LOOKUP, 'lookups/transforms.conf': '[def]\nfilename = users.csv\nmax_matches = none\n' } },
  B505: { spl: '* | lookup users nosuch', lookups: ['lookups'], files: LOOKUP },
  B506: { spl: '* | lookup users user OUTPUT nosuch', lookups: ['lookups'], files: LOOKUP },
  B507: { spl: '| makeresults | outputlookup out.csv' },
  B508: { spl: '| inputlookup secret.csv', lookups: ['lookups'], files: { 'outside/secret.csv': 'a\n1\n', 'lookups/secret.csv': { link: '../outside/secret.csv' } } },
  I501: { spl: '| inputlookup bad.csv.gz', lookups: ['lookups'], files: { 'lookups/bad.csv.gz': 'not gzip' }, events: [] },
  R501: { spl: '| makeresults | outputlookup append=true t.csv.gz', lookups: ['lookups'], files: { 'lookups/t.csv.gz': 'not gzip' } },
  // ---------------------------------------------------------------- subsearches
  B601: { spl: '* | append nosuch=1 [| makeresults]' },
  B602: { spl: '* | append maxout=many [| makeresults]' },
  B603: { spl: '* | foreach mode=multivalue a [eval x=1]' },
  B604: { spl: '| multisearch [search a | stats count] [search b]' },
  B605: { spl: 'a [| makeresults | eval search="a=(" | fields search]' },
  R601: { spl: '| makeresults | map search="search a=(" maxsearches=1' },
  // ---------------------------------------------------------------- limits
  R701: { spl: '* | stats count by a', limits: { maxGroups: 1 } },
  R702: { spl: '* | sort a', limits: { maxRows: 1 } },
  R703: { spl: '| makeresults count=20000 | sort _time', limits: { maxMemoryMb: 1 } },
  // ---------------------------------------------------------------- inputs and usage (CLI)
  I001: { spl: '* | stats count', events: ['missing.ndjson'] },
  I003: { cli: ['run', '-f', 'missing.spl', '-e', 'events.ndjson'] },
  I004: { cli: ['run', '-d', 'd.yml', '-e', 'events.ndjson'], files: { 'd.yml': 'name: d\nid: 1\n' } },
  I005: { cli: ['run', '-d', 'd.yml', '-e', 'events.ndjson'], files: { 'd.yml': 'name: [d\nsearch: x\n' } },
  U001: { cli: ['run', '* | stats count', '-e', 'events.ndjson', '--now', 'whenever'] },
  U002: { cli: ['run', '* | stats count', '-e', 'events.ndjson', '--tz', 'Mars/Olympus'] },
  U003: { cli: ['run', '-e', 'events.ndjson'] },
  // ---------------------------------------------------------------- datasets and replay (CLI)
  I601: { cli: ['replay', 'ds.yml'], files: { 'ds.yml': 'datasets:\n- path: nope.json\n' } },
  I602: { cli: ['replay', 'ds.yml'], files: { 'ds.yml': 'datasets:\n- data: https://example.com/attack_data/datasets/x/y.json\n' } },
  I603: { cli: ['replay', 'ds.yml', '--data-root', '.'], files: { 'ds.yml': 'datasets:\n- data: https://example.com/files/y.json\n' } },
  I604: { cli: ['replay', 'ds.yml'], files: { 'ds.yml': 'name: x\n' } },
  I605: { cli: ['replay', 'events.ndjson', '--props', 'p.conf'], files: { 'p.conf': '[a]\njust words\n' } },
  I606: { cli: ['replay', 'd.yml'], files: { 'd.yml': DETECTION('a') } },
  I607: { cli: ['replay', 'events.ndjson', '--out', 'no/such/dir/out.ndjson'] },
  I610: { cli: ['replay', 'events.ndjson', '--hec', '{tls}', '--hec-token', 't'] },
  I611: { cli: ['replay', 'events.ndjson', '--hec', '{hec}/forbidden', '--hec-token', 't'] },
  I612: { cli: ['replay', 'events.ndjson', '--hec', '{hec}/busy', '--hec-token', 't', '--retries', '0'] },
} as unknown as Record<ErrorCode, Reach>;

/** Input problems: reported, never thrown; each from one event file (and limits, for I702). */
const PROBLEMS: Readonly<Record<string, { files: Files; limits?: Partial<Limits> }>> = {
  I002: { files: { 'events.ndjson': '{"a":1}\nnot json\n' } },
  I701: { files: { 'events.ndjson': Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d, 0x0a]) } },
  I702: { files: { 'events.ndjson': `{"a":"${'x'.repeat(200)}"}\n` }, limits: { maxEventSize: 100 } },
  I703: { files: { 'events.ndjson': `{"a":${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}}\n` } },
  I704: { files: { 'events.ndjson': Buffer.from('{"a":1}\n\0\0\0binary\n') } },
  I705: { files: { 'events.ndjson.gz': Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x01, 0x02]) } },
  I706: { files: { 'events.json': `{\n  "a": "${'x'.repeat(200)}",\n  "b": 1\n}\n` }, limits: { maxEventSize: 100 } },
};

function isCli(r: Reach): r is CliReach {
  return 'cli' in r;
}

/** Folders made for the cases, removed after the run. */
const caseDirs: string[] = [];

function caseDir(files: Files = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'splq-codes-'));
  caseDirs.push(dir);
  writeFileSync(join(dir, 'events.ndjson'), EVENTS);
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    if (typeof content === 'object' && 'link' in content) symlinkSync(content.link, path);
    else writeFileSync(path, content);
  }
  return dir;
}

async function runIn(dir: string, r: SearchReach, limits: Partial<Limits> = r.limits ?? {}): Promise<RunResult> {
  const at = (p: string) => join(dir, p);
  return runSearch({
    query: { text: r.spl, name: '<query>' },
    macros: { defaultMacros: true, macroPaths: (r.macros ?? []).map(at), inlineMacros: r.inline ?? [], strictMacros: false },
    inputs: (r.events ?? ['events.ndjson']).map(at),
    read: {},
    clock: CLOCK,
    lookups: { paths: (r.lookups ?? []).map(at), readOnly: [] },
    geoip: r.geoip && at(r.geoip),
    limits: { ...DEFAULT_LIMITS, ...limits },
  });
}

/** The error a search input ends with, rendered as the CLI renders it. */
async function searchFailure(r: SearchReach): Promise<{ error: SplError; rendered: string }> {
  try {
    await runIn(caseDir(r.files), r);
  } catch (e) {
    if (e instanceof StageError) return { error: e.error, rendered: renderError(e.error, { sourceMap: e.sourceMap }) };
    if (e instanceof SplError) return { error: e, rendered: renderError(e) };
    throw e;
  }
  throw new Error(`no error for ${JSON.stringify(r.spl)}`);
}

function splq(args: readonly string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 30_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

/** A local HEC over HTTP: /forbidden answers 403, /busy 503. */
function startHec(): Promise<Server> {
  const server = createServer((req, res) => {
    req.resume();
    if (req.url?.startsWith('/forbidden')) res.writeHead(403).end('{"text":"Invalid token","code":4}');
    else res.writeHead(503).end('{"text":"Server is busy","code":9}');
  });
  return listen(server);
}

/** An HTTPS HEC with a self-signed certificate (made with openssl), which the client refuses. */
function startUntrustedHec(): Promise<Server> | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'splq-codes-tls-'));
  caseDirs.push(dir);
  const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')]);
  if (made.status !== 0) return undefined;
  const server = createHttpsServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (_req, res) => res.end('{"text":"Success","code":0}'));
  return listen(server);
}

function listen(server: Server): Promise<Server> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const urlOf = (server: Server, scheme: string) => `${scheme}://127.0.0.1:${(server.address() as AddressInfo).port}`;

const cliResults = new Map<string, Promise<{ code: number; stdout: string; stderr: string }>>();
const servers: Server[] = [];
/** Without openssl there is no certificate to refuse: I610 is then not checked. */
let tls: Server | undefined;

beforeAll(async () => {
  const hec = await startHec();
  tls = await startUntrustedHec();
  servers.push(hec, ...(tls ? [tls] : []));
  for (const [code, r] of Object.entries(REACH)) {
    if (!isCli(r) || (code === 'I610' && !tls)) continue;
    const args = r.cli.map((a) => a.replace('{hec}', urlOf(hec, 'http')).replace('{tls}', tls ? urlOf(tls, 'https') : ''));
    cliResults.set(code, splq(args, caseDir(r.files)));
  }
});

afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  for (const dir of caseDirs) rmSync(dir, { recursive: true, force: true });
});

const CATALOG = Object.keys(CODES) as ErrorCode[];

describe('the error catalog', () => {
  it('has an input for every code, and no input for a code it does not have', () => {
    const reachable = new Set([...Object.keys(REACH), ...Object.keys(PROBLEMS)]);
    expect(CATALOG.filter((c) => !reachable.has(c))).toEqual([]);
    expect([...reachable].filter((c) => !(c in CODES))).toEqual([]);
  });
});

describe.each(CATALOG.filter((c) => c in REACH && !isCli(REACH[c])))('%s from a search', (code) => {
  it('is produced and rendered as error[CODE]: message, with a position where it has one', async () => {
    const { error, rendered } = await searchFailure(REACH[code] as SearchReach);
    expect(error.code).toBe(code);
    const [first, second] = rendered.split('\n');
    expect(first).toBe(`error[${code}]: ${error.message}`);
    expect(error.message).not.toMatch(/\{\w+\}/);
    if (error.span || error.location) expect(second).toMatch(/^\s*--> \S+:\d+/);
  });
});

describe.each(CATALOG.filter((c) => c in REACH && isCli(REACH[c])))('%s from the command line', (code) => {
  it('is printed as error[CODE]: message, without a stack trace', async (t) => {
    if (!cliResults.has(code)) return t.skip();
    const r = await cliResults.get(code)!;
    const onStdout = (REACH[code] as CliReach).on === 'stdout';
    // validate reports a warning on stdout as `file:line:col: warning[B010]: message`.
    if (onStdout) expect(r.stdout).toMatch(new RegExp(`:\\d+:\\d+: warning\\[${code}\\]: \\S`));
    else expect(r.stderr).toMatch(new RegExp(`^error\\[${code}\\]: \\S`, 'm'));
    if (!onStdout) expect(r.code).not.toBe(0);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout + r.stderr).not.toMatch(/\{\w+\}/);
  });
});

describe.each(Object.keys(PROBLEMS))('%s from an event file', (code) => {
  it('is reported (the search still runs) with a complete message', async () => {
    const { files, limits } = PROBLEMS[code]!;
    const result = await runIn(caseDir(files), { spl: '* | table *', events: [Object.keys(files)[0]!] }, limits);
    const problem = result.problems.find((p) => p.code === code);
    expect(problem, JSON.stringify(result.problems)).toBeDefined();
    const message = formatMessage(problem!.code as ErrorCode, { file: problem!.file, line: problem!.line, reason: problem!.reason, ...problem!.params });
    expect(message).not.toMatch(/\{\w+\}/);
  });
});

/** The built binary on bad input: `error[CODE]: message` on stderr, never a stack trace. */
const FAILURES: readonly { args: readonly string[]; code: string; exit: number; files?: Files }[] = [
  { args: ['run', 'a | stats', '-e', 'events.ndjson'], code: 'P005', exit: 1 },
  { args: ['run', '*', '-e', 'missing.ndjson'], code: 'I001', exit: 1 },
  { args: ['run', '*', '-e', 'events.ndjson', '-m', 'bad.conf'], code: 'M008', exit: 1, files: { 'bad.conf': '[m\n' } },
  { args: ['run', '*', '-e', 'events.ndjson', '--format', 'xml'], code: 'U003', exit: 2 },
  { args: ['run', '--bogus'], code: 'U003', exit: 2 },
  { args: ['expand', '`nosuch`'], code: 'M001', exit: 1 },
  { args: ['expand', '-f', 'missing.spl'], code: 'I003', exit: 1 },
  { args: ['expand'], code: 'U003', exit: 2 },
  { args: ['fmt', 'a ] b'], code: 'P003', exit: 1 },
  { args: ['fmt', '-d', 'bad.yml'], code: 'I005', exit: 1, files: { 'bad.yml': 'search: [a\n' } },
  { args: ['validate', 'missing-dir'], code: 'U003', exit: 2 },
  { args: ['validate', '.', '--format', 'xml'], code: 'U003', exit: 2 },
  { args: ['nosuchcommand'], code: 'U003', exit: 2 },
];

describe.concurrent('every failure path of the CLI', () => {
  it.each(FAILURES)('splq $args.0 ($code): error[CODE]: message, exit $exit, no stack trace', async ({ args, code, exit, files }) => {
    const r = await splq(args, caseDir(files));
    expect(r.stderr.split('\n')[0]).toMatch(new RegExp(`^error\\[${code}\\]: \\S`));
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.code).toBe(exit);
  });

  it('splq validate reports broken searches on stdout and exits 1, with nothing on stderr', async () => {
    const r = await splq(['validate', 'repo'], caseDir({ 'repo/detections/d.yml': DETECTION('a | stats') }));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('P005');
    expect(r.stderr).toBe('');
  });

  /** A preload that breaks stdout: the write of the results throws a TypeError, an internal error. */
  const BROKEN_STDOUT = "process.stdout.write = () => { throw new TypeError('stdout broke (test)'); };\n";
  const internal = (args: readonly string[]) => {
    const dir = caseDir({ 'broken-stdout.mjs': BROKEN_STDOUT });
    return new Promise<{ code: number; stderr: string }>((resolve) => {
      execFile(process.execPath, ['--import', join(dir, 'broken-stdout.mjs'), CLI, ...args], { cwd: dir, encoding: 'utf8' }, (err, _out, stderr) =>
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stderr }),
      );
    });
  };

  it.each([
    [['run', '| makeresults', '--format', 'json']],
    [['expand', 'a']],
    [['fmt', 'a']],
    [['validate', '.']],
  ])('an internal error in %j: error[internal], the stack only with --debug', async (args) => {
    const plain = await internal(args);
    expect(plain.stderr).toBe('error[internal]: stdout broke (test)\n');
    expect(plain.code).toBe(1);
    const debug = await internal([...args, '--debug']);
    expect(debug.stderr).toMatch(/^error\[internal\]: stdout broke \(test\)\nTypeError: stdout broke \(test\)\n\s+at /);
  });

  it('a closed stdout (`splq run ... | head -1`) ends quietly', async () => {
    const dir = caseDir();
    const r = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = execFile(process.execPath, [CLI, 'run', '| makeresults count=200000', '--format', 'ndjson'], { cwd: dir, encoding: 'utf8' }, (err, _out, stderr) =>
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stderr }),
      );
      child.stdout!.once('data', () => child.stdout!.destroy());
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});
