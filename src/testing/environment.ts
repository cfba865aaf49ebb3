/**
 * What the tests of one process (or worker thread) share: macro tables and timestamp rules, each
 * loaded once per distinct configuration (a repository's macros/ takes tens of milliseconds to
 * load, and a run may hold a thousand tests).
 */
import type { TimestampRules } from '../data/event-time.js';
import { loadTimestampRules } from '../datasets/index.js';
import { loadMacroEnvironment, type MacroConfig, type MacroEnvironment } from '../pipeline.js';

export class TestEnvironment {
  private readonly macroEnvs = new Map<string, MacroEnvironment>();
  private readonly ruleSets = new Map<string, TimestampRules>();

  macros(config: MacroConfig): MacroEnvironment {
    const key = JSON.stringify(config);
    let env = this.macroEnvs.get(key);
    if (!env) {
      env = loadMacroEnvironment(config);
      this.macroEnvs.set(key, env);
    }
    return env;
  }

  /** Built-in props.conf rules, then these files in order. */
  timestampRules(props: readonly string[]): TimestampRules {
    const key = JSON.stringify(props);
    let rules = this.ruleSets.get(key);
    if (!rules) {
      rules = loadTimestampRules(props).rules;
      this.ruleSets.set(key, rules);
    }
    return rules;
  }
}
