/**
 * The SPL grammar as a Chevrotain CstParser: syntax only, no semantics (to-ast.ts builds the AST).
 * One rule per command; the search expression and eval expression rules are shared by every
 * command that takes them. Precedences: search NOT > OR > AND (spec 01 S3); eval follows
 * Splunk's operator table (* / % ; + - . ; comparisons ; = == != LIKE IN ; NOT ; AND ; XOR ; OR).
 */
import type { CstNode, IToken, TokenType } from 'chevrotain';
import { CstParser } from './chevrotain.js';
import { COMMAND_SYNTAX } from './commands/index.js';
import * as T from './tokens.js';
import { errorMessages } from './parse-messages.js';
import type { Alt, Grammar, Rule, SearchStop, SharedRules } from './syntax/types.js';

const ALL_TOKENS: TokenType[] = [
  ...T.STRUCTURE_TOKENS, ...T.OPERATOR_TOKENS, ...T.SEARCH_TOKENS, ...T.EXPR_TOKENS,
  T.CommandName, T.UnknownCommand, ...COMMAND_SYNTAX.map((c) => c.token),
];

/** `TERM(x)` / `CASE(x)`: the parenthesis must touch the name. */
const isWrapperCall = (name: IToken, paren: IToken): boolean =>
  paren.tokenType === T.LParen && /^(TERM|CASE)$/.test(name.image) && paren.startOffset === (name.endOffset ?? 0) + 1;

/** A word in any case (`from`, `WHERE`): clause keywords of commands lex as plain words. */
const isKeyword = (tok: IToken, words: readonly string[]): boolean =>
  tok.tokenType === T.Word && words.includes(tok.image.toLowerCase());

const isPlainValue = (tok: IToken): boolean => tok.tokenType === T.Word || tok.tokenType === T.QuotedString;

/** Two tokens with nothing between them. */
const touches = (a: IToken, b: IToken): boolean => b.startOffset === (a.endOffset ?? NaN) + 1;

/** A word directly followed by `(` (no space) in a value position, other than TERM/CASE. */
const isCallTerm = (name: IToken, paren: IToken): boolean =>
  name.tokenType === T.Word && paren.tokenType === T.LParen && paren.startOffset === (name.endOffset ?? 0) + 1;

export class SplParser extends CstParser {
  /** One rule per command of COMMAND_SYNTAX, in table order, plus the commands' own subrules. */
  private readonly commandRules: Rule[] = [];
  private readonly localRules = new Map<string, Rule>();

  /**
   * `validate: false` skips Chevrotain's grammar checks (ambiguity, left recursion...) when the
   * parser is built, about 0.1 s of every start; test/unit/parser-self-analysis.test.ts builds a
   * validating parser, so a grammar change that breaks them still fails the tests.
   */
  constructor(options: { readonly validate?: boolean } = {}) {
    super(ALL_TOKENS, {
      recoveryEnabled: false,
      maxLookahead: 3,
      errorMessageProvider: errorMessages,
      nodeLocationTracking: 'onlyOffset',
      skipValidations: options.validate === false,
    });
    const g = this.grammarDsl();
    for (const syntax of COMMAND_SYNTAX) {
      for (const sub of syntax.subrules ?? []) {
        if (this.localRules.has(sub.name)) throw new Error(`internal: duplicate grammar rule ${sub.name}`);
        this.localRules.set(sub.name, this.RULE(sub.name, () => sub.grammar(g)) as unknown as Rule);
      }
      this.commandRules.push(this.RULE(`${syntax.name}Command`, () => syntax.grammar(g)) as unknown as Rule);
    }
    this.performSelfAnalysis();
  }

  /** The next word is an argument, not a `name=value` option (`stats count by host dedup_splitvals=true`). */
  private notOption(): boolean {
    return this.LA(2).tokenType !== T.Eq;
  }

  /** The Grammar DSL handed to command modules: Chevrotain's methods with explicit indexes. */
  private grammarDsl(): Grammar {
    const rules: SharedRules = {
      pipeline: this.pipeline, subsearch: this.subsearch, searchExpression: this.searchExpression,
      expression: this.expression, argumentList: this.argumentList, fieldName: this.fieldName,
      commandOption: this.commandOption, aggregation: this.aggregation, byClause: this.byClause,
      evalArgument: this.evalArgument, genericArg: this.genericArg,
    } as unknown as SharedRules;
    const label = (l?: string, args?: readonly unknown[]) =>
      l || args ? { ...(l ? { LABEL: l } : {}), ...(args ? { ARGS: [...args] } : {}) } : undefined;
    const repeat = (body: () => void, gate?: () => boolean) => (gate ? { GATE: gate, DEF: body } : body);
    return {
      consume: (i, tok, l) => void this.consume(i, tok, label(l)),
      subrule: (i, rule, l, args) => void this.subrule(i, rule as unknown as Parameters<typeof this.subrule>[1], label(l, args)),
      option: (i, body, gate) => void this.option(i, repeat(body, gate)),
      keywordOption: (i, words, body) =>
        void this.option(i, { GATE: () => isKeyword(this.LA(1), words), DEF: body, MAX_LOOKAHEAD: 1 }),
      or: (i, alts: readonly Alt[]) => void this.or(i, alts as Alt[]),
      many: (i, body, gate) => this.many(i, repeat(body, gate)),
      atLeastOne: (i, body, gate) => this.atLeastOne(i, repeat(body, gate)),
      LA: (n) => this.LA(n),
      rules,
      local: (name) => {
        const rule = this.localRules.get(name);
        if (!rule) throw new Error(`internal: no grammar rule ${name}`);
        return rule;
      },
    };
  }

  // ---------------------------------------------------------------- pipeline

  public pipeline = this.RULE('pipeline', () => {
    this.OPTION(() => this.SUBRULE(this.firstSegment));
    this.MANY(() => {
      this.CONSUME(T.Pipe);
      this.SUBRULE(this.command);
    });
  });

  private firstSegment = this.RULE('firstSegment', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.searchExpression) },
      { ALT: () => this.SUBRULE(this.command) },
    ]);
  });

  /** One alternative per command of the table; any other name is rejected before parsing (P001). */
  private command = this.RULE('command', () => {
    this.OR(this.commandRules.map((rule) => ({ ALT: () => this.SUBRULE(rule as unknown as () => CstNode) })));
  });

  private subsearch = this.RULE('subsearch', () => {
    this.CONSUME(T.LBracket);
    this.SUBRULE(this.pipeline);
    this.CONSUME(T.RBracket);
  });

  // ---------------------------------------------------------------- search (spec 01)

  /** Implicit AND binds loosest: `a b OR c` = `a AND (b OR c)`. `stop` ends it before a clause keyword. */
  public searchExpression = this.RULE('searchExpression', (stop?: SearchStop) => {
    // A clause is never empty: `tstats count WHERE BY host` fails at BY.
    this.OR2([{ GATE: () => !this.atSearchStop(stop), ALT: () => this.SUBRULE(this.searchOr) }]);
    this.MANY({
      GATE: () => !this.atSearchStop(stop),
      DEF: () => {
        // A comma between terms separates like a space (`search http_method, "POST"` in security_content).
        this.OR([{ ALT: () => this.CONSUME(T.And) }, { ALT: () => this.MANY2(() => this.CONSUME(T.Comma)) }]);
        this.SUBRULE2(this.searchOr);
      },
    });
  });

  /** The next term (past commas) is the keyword that ends the search: `BY`, or `span=` in mstats. */
  private atSearchStop(stop: SearchStop | undefined): boolean {
    if (!stop) return false;
    let k = 1;
    while (this.LA(k).tokenType === T.Comma) k++;
    const tok = this.LA(k);
    if (stop.by && tok.tokenType === T.By) return true;
    return tok.tokenType === T.Word && this.LA(k + 1).tokenType === T.Eq && (stop.options ?? []).includes(tok.image.toLowerCase());
  }

  private searchOr = this.RULE('searchOr', () => {
    this.SUBRULE(this.searchNot);
    this.MANY(() => {
      this.CONSUME(T.Or);
      this.SUBRULE2(this.searchNot);
    });
  });

  private searchNot = this.RULE('searchNot', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Not);
          this.SUBRULE(this.searchNot);
        },
      },
      { ALT: () => this.SUBRULE(this.searchPrimary) },
    ]);
  });

  private searchPrimary = this.RULE('searchPrimary', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.searchGroup) },
      { ALT: () => this.SUBRULE(this.subsearch) },
      { GATE: () => isWrapperCall(this.LA(1), this.LA(2)), ALT: () => this.SUBRULE(this.wrappedTerm) },
      { ALT: () => this.SUBRULE(this.searchComparison) },
    ]);
  });

  private searchGroup = this.RULE('searchGroup', () => {
    this.CONSUME(T.LParen);
    this.SUBRULE(this.searchExpression);
    this.CONSUME(T.RParen);
  });

  /** `TERM(x)`, `CASE(x)`; x is a word or quoted string. */
  private wrappedTerm = this.RULE('wrappedTerm', () => {
    this.CONSUME(T.Word);
    this.CONSUME(T.LParen);
    this.SUBRULE(this.searchWord);
    this.CONSUME(T.RParen);
  });

  /**
   * A term, `field <op> value`, or `field IN (values)`. IN values are separated by commas and/or
   * spaces (spec 01 S9: `IN ("a","b" "c")` is in Splunk-authored detections).
   */
  private searchComparison = this.RULE('searchComparison', () => {
    this.SUBRULE(this.searchWord);
    this.OPTION(() => {
      this.OR([
        {
          ALT: () => {
            this.CONSUME(T.CompareOp);
            this.SUBRULE(this.searchValue);
            // A value runs on through `=` when nothing separates the parts (`a=b=c` compares a with
            // `b=c`): a security_content tstats WHERE writes `p="* Nul*"p="*&gt;*"`.
            this.MANY4({
              GATE: () => touches(this.LA(0), this.LA(1)) && touches(this.LA(1), this.LA(2)),
              DEF: () => {
                this.CONSUME(T.Eq, { LABEL: 'valueEq' });
                this.OR2([
                  { ALT: () => this.CONSUME(T.Word, { LABEL: 'valueRest' }) },
                  { ALT: () => this.CONSUME(T.QuotedString, { LABEL: 'valueRest' }) },
                ]);
              },
            });
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.In);
            this.CONSUME(T.LParen);
            // Stray commas are tolerated: `IN (,"*auth *","*req *",)` is in a Splunk detection.
            this.MANY3(() => this.CONSUME2(T.Comma));
            this.MANY(() => {
              this.SUBRULE2(this.searchValue);
              this.MANY2(() => this.CONSUME(T.Comma));
            });
            this.CONSUME(T.RParen);
          },
        },
      ]);
    });
  });

  /** A value: a word, a quoted string, or `CASE(x)`/`TERM(x)`. */
  private searchValue = this.RULE('searchValue', () => {
    this.OR([
      { GATE: () => isWrapperCall(this.LA(1), this.LA(2)), ALT: () => this.SUBRULE(this.wrappedTerm) },
      { GATE: () => isCallTerm(this.LA(1), this.LA(2)), ALT: () => this.SUBRULE(this.callTerm) },
      { ALT: () => this.SUBRULE(this.searchWord) },
    ]);
  });

  /**
   * A word with a parenthesised part touching it, taken as one literal value: security_content
   * writes `_time >= relative_time(now(), "-10m@m")` inside `search`, which has no functions.
   */
  private callTerm = this.RULE('callTerm', () => {
    this.CONSUME(T.Word);
    this.SUBRULE(this.genericGroup);
  });

  /** Keywords that are not operators here (`as`, `by`) are ordinary words in a search. */
  private searchWord = this.RULE('searchWord', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Word) },
      { ALT: () => this.CONSUME(T.QuotedString) },
      { ALT: () => this.CONSUME(T.As) },
      { ALT: () => this.CONSUME(T.By) },
    ]);
  });

  // ---------------------------------------------------------------- shared argument rules

  private fieldName = this.RULE('fieldName', () => {
    this.OR([{ ALT: () => this.CONSUME(T.Word) }, { ALT: () => this.CONSUME(T.QuotedString) }]);
  });

  /** `name=value` before the arguments of a command (stats also takes them last: `dedup_splitvals=true`). */
  private commandOption = this.RULE('commandOption', () => {
    this.CONSUME(T.Word);
    this.CONSUME(T.Eq);
    this.SUBRULE(this.fieldName);
  });

  private aggregation = this.RULE('aggregation', () => {
    const fn = this.CONSUME(T.Word);
    this.OPTION(() => {
      this.CONSUME(T.LParen);
      this.OR({
        IGNORE_AMBIGUITIES: true,
        DEF: [
          { GATE: () => /^sparkline$/i.test(fn.image), ALT: () => this.SUBRULE(this.sparklineArgument) },
          { ALT: () => this.SUBRULE(this.evalArgument) },
          { ALT: () => this.SUBRULE(this.fieldName, { LABEL: 'argField' }) },
        ],
      });
      this.CONSUME(T.RParen);
    });
    this.OPTION2(() => {
      this.CONSUME(T.As);
      this.SUBRULE2(this.fieldName, { LABEL: 'alias' });
      // `as aceFlags(inheritance)` (security_content): a group touching the name belongs to it.
      this.OPTION3({ GATE: () => isCallTerm(this.LA(0), this.LA(1)), DEF: () => this.SUBRULE(this.genericGroup, { LABEL: 'aliasSuffix' }) });
    });
  });

  /** `sparkline(count)`, `sparkline(dc(user), 1h)`: chart's sparkline-agg, a function and a span. */
  private sparklineArgument = this.RULE('sparklineArgument', () => {
    this.SUBRULE(this.fieldName, { LABEL: 'sparklineFunction' });
    this.OPTION(() => {
      this.CONSUME(T.LParen);
      this.OPTION2(() => this.SUBRULE2(this.fieldName, { LABEL: 'sparklineField' }));
      this.CONSUME(T.RParen);
    });
    this.OPTION3(() => {
      this.CONSUME(T.Comma);
      this.SUBRULE3(this.fieldName, { LABEL: 'sparklineSpan' });
    });
  });

  private evalArgument = this.RULE('evalArgument', () => {
    this.CONSUME(T.EvalFn);
    this.CONSUME(T.LParen);
    this.SUBRULE(this.expression);
    this.CONSUME(T.RParen);
  });

  private byClause = this.RULE('byClause', () => {
    this.CONSUME(T.By);
    this.AT_LEAST_ONE({
      GATE: () => this.notOption(),
      DEF: () => {
        this.SUBRULE(this.fieldName);
        this.MANY(() => this.CONSUME(T.Comma));
      },
    });
  });

  /**
   * One argument of a generically parsed command: an option, a word, a quoted string, keywords and
   * operators, a parenthesised group, a subsearch, or `eval(...)`.
   */
  private genericArg = this.RULE('genericArg', () => {
    this.OR([
      { GATE: () => this.LA(2).tokenType === T.Eq && isPlainValue(this.LA(3)), ALT: () => this.SUBRULE(this.commandOption) },
      { GATE: () => this.LA(2).tokenType === T.Eq, ALT: () => this.SUBRULE(this.genericAssignment) },
      { ALT: () => this.CONSUME(T.Word) },
      { ALT: () => this.CONSUME(T.QuotedString) },
      { ALT: () => this.CONSUME(T.As) },
      { ALT: () => this.CONSUME(T.By) },
      { ALT: () => this.CONSUME(T.And) },
      { ALT: () => this.CONSUME(T.Or) },
      { ALT: () => this.CONSUME(T.Not) },
      { ALT: () => this.CONSUME(T.In) },
      { ALT: () => this.CONSUME(T.Comma) },
      { ALT: () => this.CONSUME(T.CompareOp) },
      { ALT: () => this.SUBRULE(this.genericGroup) },
      { ALT: () => this.SUBRULE(this.subsearch) },
      { ALT: () => this.SUBRULE(this.evalArgument) },
    ]);
  });

  /** `name=(...)` or `name=eval(...)`: an option whose value is not a plain word (`transaction startswith=(...)`). */
  private genericAssignment = this.RULE('genericAssignment', () => {
    this.CONSUME(T.Word);
    this.CONSUME(T.Eq);
    this.SUBRULE(this.genericArg);
  });

  private genericGroup = this.RULE('genericGroup', () => {
    this.CONSUME(T.LParen);
    this.MANY(() => this.SUBRULE(this.genericArg));
    this.CONSUME(T.RParen);
  });

  // ---------------------------------------------------------------- eval expressions

  public expression = this.RULE('expression', () => {
    this.SUBRULE(this.xorExpr);
    this.MANY(() => {
      this.CONSUME(T.ExprOr);
      this.SUBRULE2(this.xorExpr);
    });
  });

  private xorExpr = this.RULE('xorExpr', () => {
    this.SUBRULE(this.andExpr);
    this.MANY(() => {
      this.CONSUME(T.ExprXor);
      this.SUBRULE2(this.andExpr);
    });
  });

  private andExpr = this.RULE('andExpr', () => {
    this.SUBRULE(this.notExpr);
    this.MANY(() => {
      this.CONSUME(T.ExprAnd);
      this.SUBRULE2(this.notExpr);
    });
  });

  private notExpr = this.RULE('notExpr', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.ExprNot);
          this.SUBRULE(this.notExpr);
        },
      },
      { ALT: () => this.SUBRULE(this.equalityExpr) },
    ]);
  });

  private equalityExpr = this.RULE('equalityExpr', () => {
    this.SUBRULE(this.relationalExpr);
    this.MANY(() => {
      this.OR([
        {
          ALT: () => {
            this.OR2([
              { ALT: () => this.CONSUME(T.Eq) },
              { ALT: () => this.CONSUME(T.EqEq) },
              { ALT: () => this.CONSUME(T.NotEq) },
              { ALT: () => this.CONSUME(T.ExprLike) },
            ]);
            this.SUBRULE2(this.relationalExpr);
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.ExprIn);
            this.SUBRULE(this.argumentList);
          },
        },
      ]);
    });
  });

  private relationalExpr = this.RULE('relationalExpr', () => {
    this.SUBRULE(this.additiveExpr);
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(T.Lt) },
        { ALT: () => this.CONSUME(T.Gt) },
        { ALT: () => this.CONSUME(T.Le) },
        { ALT: () => this.CONSUME(T.Ge) },
      ]);
      this.SUBRULE2(this.additiveExpr);
    });
  });

  private additiveExpr = this.RULE('additiveExpr', () => {
    this.SUBRULE(this.multiplicativeExpr);
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(T.Plus) },
        { ALT: () => this.CONSUME(T.Minus) },
        { ALT: () => this.CONSUME(T.Dot) },
      ]);
      this.SUBRULE2(this.multiplicativeExpr);
    });
  });

  private multiplicativeExpr = this.RULE('multiplicativeExpr', () => {
    this.SUBRULE(this.unaryExpr);
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(T.Star) },
        { ALT: () => this.CONSUME(T.Slash) },
        { ALT: () => this.CONSUME(T.Percent) },
      ]);
      this.SUBRULE2(this.unaryExpr);
    });
  });

  private unaryExpr = this.RULE('unaryExpr', () => {
    this.OR([
      {
        ALT: () => {
          this.OR2([{ ALT: () => this.CONSUME(T.Minus) }, { ALT: () => this.CONSUME(T.Plus) }]);
          this.SUBRULE(this.unaryExpr);
        },
      },
      { ALT: () => this.SUBRULE(this.primaryExpr) },
    ]);
  });

  private primaryExpr = this.RULE('primaryExpr', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.NumberLit) },
      { ALT: () => this.CONSUME(T.QuotedString) },
      { ALT: () => this.CONSUME(T.QuotedField) },
      {
        ALT: () => {
          this.CONSUME(T.Identifier);
          this.OPTION(() => this.SUBRULE(this.argumentList));
        },
      },
      // `like(x, "a%")` and `in(x, "a", "b")` are functions too; security_content writes `LIKE (...)`.
      {
        ALT: () => {
          this.OR2([{ ALT: () => this.CONSUME(T.ExprLike) }, { ALT: () => this.CONSUME(T.ExprIn) }]);
          this.SUBRULE2(this.argumentList);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.LParen);
          this.SUBRULE(this.expression);
          this.CONSUME(T.RParen);
        },
      },
    ]);
  });

  private argumentList = this.RULE('argumentList', () => {
    this.CONSUME(T.LParen);
    this.MANY_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.expression) });
    this.CONSUME(T.RParen);
  });
}

/** One parser instance: Chevrotain parsers are reusable and expensive to build. */
/** The grammar is checked by the tests (see the constructor), not at every start. */
export const splParser = new SplParser({ validate: false });
