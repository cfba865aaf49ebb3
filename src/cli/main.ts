#!/usr/bin/env node
/**
 * The splq command line (commander). Exit codes: 0 success, 1 an error in the search, macros or
 * inputs (rendered with code, position and caret on stderr), 2 a usage error.
 */
import { Command, CommanderError, Option } from 'commander';
import { reportFailure } from './report.js';
import { runCommand, type RunFlags } from './run.js';
import { expandCommand, type ExpandFlags } from './expand.js';
import { validateCommand, type ValidateFlags } from './validate.js';
import { fmtCommand, type FmtFlags } from './fmt.js';

const EXAMPLES = `
Examples:
  $ splq run -d fixtures/detections/amazon_eks_kubernetes_pod_scan_detection.yml -e fixtures/events/eks-audit.ndjson
  $ splq run 'sourcetype=aws:cloudtrail eventName=CreateUser | stats count by user' -e logs/ --format csv
  $ splq run -f search.spl -e - --sourcetype aws:cloudwatchlogs:eks < events.ndjson
  $ splq run '\`my_macro\` | stats count' -e events.json -m macros/ --macro 'my_macro=index=main'
  $ splq run 'earliest=-24h@h | stats count' -e events.json --now 2024-05-06T12:00:00Z --tz Europe/Berlin
  $ splq expand -d detection.yml -m security_content/macros
  $ splq fmt 'a b OR c | stats count by x'
  $ splq validate ../security_content --format json`;

function addQueryOptions(cmd: Command): Command {
  return cmd
    .argument('[spl]', "the search text ('-' reads it from stdin)")
    .option('-f, --file <path>', 'read the search from a file (e.g. search.spl)')
    .option('-d, --detection <path>', 'run the `search:` of a detection YAML (security_content format)')
    .option('-m, --macros <path...>', 'macro files or directories (macros.conf, *.yml); later ones win', collect, [])
    .option('--macro <def>', "inline macro, e.g. 'name=def' or 'name(a,b)=def' (wins over files)", collect, [])
    .option('--no-default-macros', 'do not load the macros shipped with splq')
    .option('--strict-macros', 'report undefined *_filter macros instead of treating them as `search *`');
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function buildProgram(): Command {
  const program = new Command('splq')
    .description('Run the exact text of a Splunk detection (SPL) against JSON events, offline.')
    .version('0.1.0')
    .showHelpAfterError()
    .exitOverride() // before the subcommands: they inherit it, so usage errors exit 2
    .addHelpText('after', EXAMPLES);
  const run = addQueryOptions(program.command('run').description('run a search over events and print the results'))
    .option('-e, --events <path...>', 'event files or directories: NDJSON, JSON arrays, HEC envelopes, .gz; - for stdin', collect, [])
    .option('--earliest <time>', 'job time range start, inclusive (ISO 8601, epoch, or relative like -24h@h)')
    .option('--latest <time>', 'job time range end, exclusive (e.g. now, -10m@m, 2024-05-06T12:00:00Z)')
    .option('--now <time>', 'pin "now" for relative times (e.g. 2024-05-06T12:00:00Z or 1714996800)')
    .option('--tz <zone>', 'time zone for rendering and calendar math (e.g. UTC, America/New_York)', 'UTC')
    .option('--sourcetype <s>', 'sourcetype for events without one (e.g. aws:cloudwatchlogs:eks)')
    .option('--source <s>', 'source for events without one (default: the file path)')
    .option('--host <h>', 'host for events without one (default: unknown)')
    .option('--index <i>', 'index for events without one (default: main)')
    .option('--time-field <path>', 'field holding the event time (e.g. requestReceivedTimestamp)')
    .option('--lookups <path...>', 'lookup folders or files (CSV, lookup YAML, transforms.conf); outputlookup writes to the first folder', collect, [])
    .option('--geoip <path>', 'MaxMind DB file (.mmdb) for iplocation, e.g. GeoLite2-City.mmdb or dbip-city-lite.mmdb')
    .addOption(new Option('-o, --format <format>', 'output format (table on a terminal, json otherwise)').choices(['table', 'csv', 'json', 'ndjson']))
    .option('--debug', 'print stack traces of internal errors')
    .option('-q, --quiet', 'no progress line on stderr (it only shows on a terminal anyway)')
    .option('--no-prefilter', 'parse every event line (the raw-text prefilter skips lines that cannot match; results are identical)')
    .option('--no-projection', 'extract every field of every event (by default only the fields the search reads)');
  run.action(async (spl: string | undefined, flags: RunFlags) => {
    process.exitCode = await runCommand(spl, flags);
  });
  const expand = addQueryOptions(program.command('expand').description('print the search with every macro expanded'));
  expand.action((spl: string | undefined, flags: ExpandFlags) => {
    process.exitCode = expandCommand(spl, flags);
  });
  const fmt = addQueryOptions(program.command('fmt').description('print the search (macros expanded) in canonical form'));
  fmt.action((spl: string | undefined, flags: FmtFlags) => {
    process.exitCode = fmtCommand(spl, flags);
  });
  program
    .command('validate')
    .description('expand, parse and check every search of a content repository, YAML or .spl files')
    .argument('<paths...>', 'a content repository (detections/, macros/, lookups/ found inside), folders or files')
    .option('-m, --macros <path...>', 'more macro files or directories (after the repository macros)', collect, [])
    .option('--macro <def>', "inline macro, e.g. 'name=def'", collect, [])
    .option('--no-default-macros', 'do not load the macros shipped with splq')
    .option('--strict-macros', 'report undefined *_filter macros instead of treating them as `search *`')
    .option('--format <format>', 'text or json', 'text')
    .option('-v, --verbose', 'also list what cannot execute yet, search by search')
    .action((paths: string[], flags: ValidateFlags) => {
      process.exitCode = validateCommand(paths, flags);
    });
  return program;
}

async function main(): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(process.argv);
  } catch (e) {
    if (e instanceof CommanderError) process.exitCode = e.exitCode === 0 ? 0 : 2;
    else process.exitCode = reportFailure(e, process.argv.includes('--debug'));
  }
}

await main();
