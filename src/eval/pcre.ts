/**
 * Splunk regular expressions (PCRE) on JavaScript: compilePcre(pattern) parses PCRE syntax, refuses
 * by name what cannot be run exactly, and returns a RegExp whose `exec` (and so `test`, `replace`,
 * `match`, `split`, `matchAll`) keeps PCRE's group numbering and never runs away: each input is
 * checked against a length cap and against the pattern's backtracking bound, and inputs past the
 * bound run on a linear-time engine. docs/eval/regex.md has the rules and their sources.
 */
import { SplError } from '../errors/spl-error.js';
import type { PcreTree } from './pcre-ast.js';
import { semanticGap } from './pcre-check.js';
import { emitJavaScript } from './pcre-emit.js';
import { parsePcre } from './pcre-parse.js';
import { NO_FLAGS, PcreError, type PcreFlags } from './pcre-reader.js';
import { analyzeRisk, type BacktrackRisk } from './pcre-risk.js';
import { compileProgram, linearUnsupported } from './pcre-vm.js';
import { runProgram } from './pcre-vm-run.js';

export { PcreError } from './pcre-reader.js';

/** Default cap on the length of one input (UTF-16 code units): 1 MiB of ASCII. */
export const DEFAULT_MAX_INPUT = 1 << 20;

let defaultMaxInput = DEFAULT_MAX_INPUT;

/**
 * The cap for patterns compiled without `maxInputLength` from now on: the search's max_regex_input
 * (`--max-regex-input`), set by the pipeline before it binds a search. Process-wide, as the
 * pattern cache is; a worker thread sets its own.
 */
export function setDefaultMaxInput(length: number): void {
  defaultMaxInput = length > 0 ? length : Infinity;
}
/** Backtracking steps (about 1 ns each) allowed before an input goes to the linear engine. */
const ROUTE_BUDGET = 1e8;
/** Steps allowed when the linear engine cannot run the pattern: past this, the input is refused. */
const REFUSE_BUDGET = 1e9;

export interface PcreOptions {
  /** PCRE option letters applied from the start (`i m s x U n`) and JavaScript's `g y d`. */
  readonly flags?: string;
  /** Longest input one match may read; longer ones raise R102. Default: setDefaultMaxInput's, DEFAULT_MAX_INPUT. */
  readonly maxInputLength?: number;
  /** 'linear' runs every input on the linear-time engine (PcreError if it cannot run the pattern). */
  readonly engine?: 'auto' | 'linear';
}

/** What compilePcre learned about a pattern; shared by every RegExp made from it. */
export interface PcrePlan {
  readonly pattern: string;
  readonly groupCount: number;
  /** names[i]: the name of PCRE group i, or undefined (index 0 unused). */
  readonly names: readonly (string | undefined)[];
  readonly risk: BacktrackRisk;
  /** Inputs longer than this do not run on the backtracking engine (-1: none do). */
  readonly backtrackLimit: number;
  /** Whether inputs past backtrackLimit run on the linear engine (else they are refused, R103). */
  readonly linear: boolean;
  readonly maxInput: number;
  readonly source: string;
  readonly jsFlags: string;
  readonly groupMap: readonly number[];
  readonly hiddenGroups: boolean;
  /** Why a long input cannot run, for R103. */
  readonly limitReason: string;
  readonly program?: ReturnType<typeof compileProgram>;
}

/**
 * Compile a PCRE pattern. Throws PcreError (reason + offset in the pattern) when the pattern is
 * invalid or uses a construct that cannot run exactly; the message names the construct.
 */
export function compilePcre(pattern: string, options: PcreOptions = {}): PcreRegExp {
  const { pcre, js } = splitFlags(options.flags ?? '', pattern);
  let plan = cachedPlan(pattern, pcre, options.maxInputLength ?? defaultMaxInput);
  if (options.engine === 'linear') {
    if (!plan.program) throw new PcreError(`cannot run on the linear-time engine: ${linearUnsupported(parsePcre(pattern, pcre).root) ?? 'too large'}`, 0, pattern);
    plan = { ...plan, backtrackLimit: -1 };
  }
  return new PcreRegExp(plan.source, plan.jsFlags + js, plan);
}

export type PcreResult = { readonly ok: true; readonly regex: PcreRegExp } | { readonly ok: false; readonly error: PcreError };

/** compilePcre without throwing: the positioned error as a value. */
export function tryCompilePcre(pattern: string, options: PcreOptions = {}): PcreResult {
  try {
    return { ok: true, regex: compilePcre(pattern, options) };
  } catch (e) {
    if (e instanceof PcreError) return { ok: false, error: e };
    throw e;
  }
}

function splitFlags(flags: string, pattern: string): { pcre: PcreFlags; js: string } {
  const pcre: Record<string, boolean> = { ...NO_FLAGS };
  let js = '';
  for (const f of flags) {
    if ('imsxUn'.includes(f)) pcre[f] = true;
    else if ('gyd'.includes(f)) js += f;
    else throw new PcreError(`unknown regular expression flag "${f}"`, 0, pattern);
  }
  return { pcre: pcre as unknown as PcreFlags, js };
}

const plans = new Map<string, PcrePlan>();
const PLAN_CACHE_LIMIT = 500;

function cachedPlan(pattern: string, flags: PcreFlags, maxInput: number): PcrePlan {
  const key = `${Object.entries(flags).filter(([, on]) => on).map(([f]) => f).join('')}/${maxInput}/${pattern}`;
  let plan = plans.get(key);
  if (!plan) {
    plan = makePlan(pattern, flags, maxInput);
    if (plans.size >= PLAN_CACHE_LIMIT) plans.clear();
    plans.set(key, plan);
  }
  return plan;
}

function makePlan(pattern: string, flags: PcreFlags, maxInput: number): PcrePlan {
  const tree = parsePcre(pattern, flags);
  const emitted = emitJavaScript(tree, pattern);
  try {
    new RegExp(emitted.source, emitted.flags);
  } catch (e) {
    // A translation JavaScript rejects is a bug of ours; report it as untranslatable, not as a crash.
    throw new PcreError(`cannot be translated to JavaScript (${(e as Error).message})`, 0, pattern);
  }
  const risk = analyzeRisk(tree);
  const routing = route(tree, risk, pattern);
  return {
    pattern, groupCount: tree.groupCount, names: tree.names, risk, maxInput, ...routing,
    source: emitted.source, jsFlags: emitted.flags, groupMap: emitted.groupMap,
    hiddenGroups: emitted.jsGroupCount !== tree.groupCount,
  };
}

/** Steps of a degree-k polynomial: n^k / k! <= budget. */
function lengthWithin(budget: number, degree: number): number {
  if (degree <= 1) return Infinity;
  if (!Number.isFinite(degree)) return 0;
  let factorial = 1;
  for (let i = 2; i <= degree; i++) factorial *= i;
  return Math.floor((budget * factorial) ** (1 / degree));
}

type Routing = Pick<PcrePlan, 'backtrackLimit' | 'linear' | 'limitReason' | 'program'>;

/** Which engine runs which inputs; refuses what neither can run exactly and safely. */
function route(tree: PcreTree, risk: BacktrackRisk, pattern: string): Routing {
  const gap = semanticGap(tree.root);
  const unsupported = linearUnsupported(tree.root);
  if (gap && !gap.linearFixes) throw new PcreError(`${gap.construct} behaves differently in JavaScript and is not supported`, 0, pattern);
  const program = unsupported === undefined ? safeProgram(tree) : undefined;
  if (gap || risk.exponential) {
    const why = gap ? gap.construct : 'nested or alternated quantifiers over overlapping text (catastrophic backtracking, as in (a+)+)';
    if (!program) throw new PcreError(`${why}, combined with ${unsupported ?? 'a pattern too large'}, which the linear-time engine cannot run`, 0, pattern);
    return { backtrackLimit: -1, linear: true, limitReason: why, program };
  }
  const limitReason = `backtracking work grows as the input length to the power ${risk.degree}`;
  if (program) return { backtrackLimit: lengthWithin(ROUTE_BUDGET, risk.degree), linear: true, limitReason, program };
  return { backtrackLimit: lengthWithin(REFUSE_BUDGET, risk.degree), linear: false, limitReason: `${limitReason} and it uses ${unsupported}` };
}

function safeProgram(tree: PcreTree): ReturnType<typeof compileProgram> | undefined {
  try {
    return compileProgram(tree);
  } catch (e) {
    if (e instanceof RangeError) return undefined;
    throw e;
  }
}

/**
 * A RegExp for a PCRE pattern. `source` is the JavaScript translation; `pcre` the pattern and its
 * plan. Results use PCRE's group numbers (hidden helper groups are removed).
 */
export class PcreRegExp extends RegExp {
  readonly pcre: PcrePlan;

  constructor(source: string | PcreRegExp, flags: string, plan?: PcrePlan) {
    super(typeof source === 'string' ? source : source.source, flags);
    this.pcre = plan ?? (source as PcreRegExp).pcre;
  }

  override exec(input: string): RegExpExecArray | null {
    const text = String(input);
    const plan = this.pcre;
    if (text.length > plan.maxInput) {
      throw new SplError('R102', { pattern: plan.pattern, length: text.length, limit: plan.maxInput });
    }
    if (text.length > plan.backtrackLimit) {
      if (plan.program) return this.execLinear(text);
      throw new SplError('R103', { pattern: plan.pattern, length: text.length, reason: plan.limitReason });
    }
    const m = super.exec(text);
    return m && plan.hiddenGroups ? this.renumber(m) : m;
  }

  private renumber(m: RegExpExecArray): RegExpExecArray {
    const map = this.pcre.groupMap;
    const out = map.map((j) => m[j]) as unknown as RegExpExecArray;
    out.index = m.index;
    out.input = m.input;
    out.groups = m.groups;
    if (m.indices) out.indices = Object.assign(map.map((j) => m.indices![j]!), { groups: m.indices.groups });
    return out;
  }

  private execLinear(text: string): RegExpExecArray | null {
    const advancing = this.global || this.sticky;
    const from = advancing ? this.lastIndex : 0;
    const caps = from <= text.length ? runProgram(this.pcre.program!, text, from, this.sticky) : null;
    if (advancing) this.lastIndex = caps ? caps[1]! : 0;
    return caps ? linearResult(caps, text, this.pcre.names, this.hasIndices) : null;
  }
}

function linearResult(caps: Int32Array, text: string, names: readonly (string | undefined)[], indices: boolean): RegExpExecArray {
  const out = [] as unknown as RegExpExecArray;
  const spans: ([number, number] | undefined)[] = [];
  for (let i = 0; i < caps.length / 2; i++) {
    const [s, e] = [caps[2 * i]!, caps[2 * i + 1]!];
    out.push(s >= 0 && e >= 0 ? text.slice(s, e) : (undefined as unknown as string));
    spans.push(s >= 0 && e >= 0 ? [s, e] : undefined);
  }
  out.index = caps[0]!;
  out.input = text;
  const named = names.some((n) => n !== undefined);
  const groups = named ? (Object.create(null) as Record<string, string>) : undefined;
  const spanGroups = named ? (Object.create(null) as Record<string, [number, number]>) : undefined;
  names.forEach((n, i) => {
    if (n === undefined) return;
    groups![n] = out[i]!;
    spanGroups![n] = spans[i]!;
  });
  out.groups = groups;
  if (indices) out.indices = Object.assign(spans, { groups: spanGroups }) as RegExpIndicesArray;
  return out;
}
