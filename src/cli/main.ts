#!/usr/bin/env node
/**
 * The splq command line (commander). Exit codes: 0 success, 1 an error in the search, macros or
 * inputs (rendered with code, position and caret on stderr), 2 a usage error.
 */
import { Command, CommanderError, Option } from 'commander';
import { reportFailure } from './report.js';
import { runCommand, type RunFlags } from './run.js';
import { addLimitOptions } from './limit-flags.js';
import { expandCommand, type ExpandFlags } from './expand.js';
import { validateCommand, type ValidateFlags } from './validate.js';
import { fmtCommand, type FmtFlags } from './fmt.js';
import { testCommand, type TestFlags } from './test.js';
import { replayCommand, type ReplayFlags } from './replay.js';

const EXAMPLES = `
Examples:
  $ splq run -d fixtures/detections/amazon_eks_kubernetes_pod_scan_detection.yml -e fixtures/events/eks-audit.ndjson
  $ splq run 'sourcetype=aws:cloudtrail eventName=CreateUser | stats count by user' -e logs/ --format csv
  $ splq run -f search.spl -e - --sourcetype aws:cloudwatchlogs:eks < events.ndjson
  $ splq run '\`my_macro\` | stats count' -e events.json -m macros/ --macro 'my_macro=index=main'
  $ splq run 'earliest=-24h@h | stats count' -e events.json --now 2024-05-06T12:00:00Z --tz Europe/Berlin
  $ splq expand -d detection.yml -m security_content/macros
  $ splq fmt 'a b OR c | stats count by x'
  $ splq validate ../security_content --format json
  $ splq test fixtures/detections
  $ splq replay detection.yml --data-root ../attack_data/datasets --shift-to now --out events.ndjson
  $ splq test ../security_content --data-root ../attack_data/datasets --format junit > junit.xml
  $ splq run -d detection.yml -e events.ndjson --compare-macro 'my_detection_filter=search NOT src_ip=10.0.0.1'`;

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
    // Commander's own usage errors read like every other failure: `error[U003]: unknown option '--x'`.
    .configureOutput({ outputError: (text, write) => write(text.replace(/^error: /, 'error[U003]: ')) })
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
    .option('--props <path...>', 'props.conf files with timestamp rules per sourcetype (TIMESTAMP_FIELDS, TIME_PREFIX, TIME_FORMAT, TZ)', collect, [])
    .option('--lookups <path...>', 'lookup folders or files (CSV, lookup YAML, transforms.conf); outputlookup writes to the first folder', collect, [])
    .option('--geoip <path>', 'MaxMind DB file (.mmdb) for iplocation, e.g. GeoLite2-City.mmdb or dbip-city-lite.mmdb')
    .addOption(new Option('-o, --format <format>', 'output format (table on a terminal, json otherwise)').choices(['table', 'csv', 'json', 'ndjson']))
    .option('--compare-macros <path...>', 'run again with these macro files layered on top and show the difference', collect, [])
    .option('--compare-macro <def>', "run again with this inline macro ('name=def') and show the difference", collect, [])
    .option('--debug', 'print stack traces of internal errors')
    .option('-q, --quiet', 'no progress line on stderr (it only shows on a terminal anyway)')
    .option('--no-prefilter', 'parse every event line (the raw-text prefilter skips lines that cannot match; results are identical)')
    .option('--no-projection', 'extract every field of every event (by default only the fields the search reads)')
    .option('-w, --workers <n>', 'threads reading the events, this one included (default: the number of CPUs; 1 = one thread)');
  addLimitOptions(run);
  run.action(async (spl: string | undefined, flags: RunFlags) => {
    process.exitCode = await runCommand(spl, flags);
  });
  const expand = addQueryOptions(program.command('expand').description('print the search with every macro expanded'))
    .option('--trace', 'then list each macro used, with the file, line and layer of its definition')
    .option('--debug', 'print stack traces of internal errors');
  expand.action((spl: string | undefined, flags: ExpandFlags) => {
    process.exitCode = expandCommand(spl, flags);
  });
  const fmt = addQueryOptions(program.command('fmt').description('print the search (macros expanded) in canonical form'))
    .option('--debug', 'print stack traces of internal errors');
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
    .option('-j, --jobs <n>', 'threads to check on (default: half the CPUs; workers start from a few hundred files)')
    .option('--debug', 'print stack traces of internal errors')
    .action(async (paths: string[], flags: ValidateFlags) => {
      process.exitCode = await validateCommand(paths, flags);
    });
  addTestCommand(program);
  addReplayCommand(program);
  return program;
}

function addTestCommand(program: Command): void {
  program
    .command('test')
    .description("run detections' unit tests (tests: blocks, *.test.yml sidecars) over their datasets, offline")
    .argument('<paths...>', 'a content repository, folders of detection YAML, or detection files')
    .option('--data-root <dir>', 'local copy of attack_data/datasets: where attack_data URLs are read from')
    .option('-m, --macros <path...>', 'macro files or directories applied to every detection (after the repository macros)', collect, [])
    .option('--macro <def>', "inline macro applied to every detection, e.g. 'name=def'", collect, [])
    .option('--no-default-macros', 'do not load the macros shipped with splq')
    .option('--strict-macros', 'report undefined *_filter macros instead of treating them as `search *`')
    .option('--lookups <path...>', 'lookup folders or files (before the repository lookups/)', collect, [])
    .option('--props <path...>', 'props.conf files with timestamp rules per sourcetype', collect, [])
    .option('--earliest <time>', 'window start for detections without a schedule (default -70m@m)')
    .option('--latest <time>', 'window end for detections without a schedule (default -10m@m)')
    .option('--all-time', 'search all time, ignoring every window (as contentctl does)')
    .option('--now <time>', "run every test at this time and move the events there ('now' = the wall clock); default: pinned from the data")
    .option('--tz <zone>', 'time zone for rendering and calendar math', 'UTC')
    .option('-j, --jobs <n>', 'tests run in parallel (default: the number of CPUs)')
    .addOption(new Option('--format <format>', 'report format').choices(['text', 'json', 'junit']).default('text'))
    .option('-v, --verbose', 'also show each test file, run time, window and shift')
    .action(async (paths: string[], flags: TestFlags) => {
      process.exitCode = await testCommand(paths, flags);
    });
}

function addReplayCommand(program: Command): void {
  program
    .command('replay')
    .description('write the events of datasets as HEC envelopes (NDJSON), optionally time-shifted, or send them to a Splunk HEC')
    .argument('<datasets...>', 'dataset descriptor YAML (datasets:), detection YAML (tests: attack_data), or event files/folders')
    .option('--data-root <dir>', 'local copy of attack_data/datasets: where attack_data URLs and /datasets/ paths are read from')
    .option('--sourcetype <s>', 'sourcetype for datasets that do not give one (e.g. aws:cloudtrail)')
    .option('--source <s>', 'source for datasets that do not give one (default: the file path)')
    .option('--host <h>', 'host for datasets that do not give one (default: unknown)')
    .option('--index <i>', 'index for datasets that do not give one (default: main)')
    .option('--props <path...>', 'props.conf files with timestamp rules per sourcetype', collect, [])
    .option('--time-field <path>', 'field holding the event time (e.g. eventTime)')
    .option('--tz <zone>', 'zone of timestamps written without one (default UTC)')
    .option('--shift-to <time>', "move the newest event to this time, keeping the spacing: 'now', ISO 8601, epoch or relative (-1h@h)")
    .option('--now <time>', "pin \"now\" for --shift-to (e.g. 2024-05-06T12:00:00Z)")
    .option('--out <file>', 'write the envelopes to this file instead of stdout')
    .option('--hec <url>', 'send to a Splunk HTTP Event Collector instead, e.g. https://splunk:8088')
    .option('--hec-token <token>', 'the HEC token (default: the SPLUNK_HEC_TOKEN environment variable)')
    .option('--batch-size <n>', 'events per HEC request (default 500)')
    .option('--retries <n>', 'retries of a failed HEC request, with exponential backoff (default 5)')
    .option('--insecure', 'do not verify the HEC server certificate')
    .option('--debug', 'print stack traces of internal errors')
    .action(async (datasets: string[], flags: ReplayFlags) => {
      process.exitCode = await replayCommand(datasets, flags);
    });
}

/**
 * Failures outside any command's try: a closed stdout (`splq run ... | head -1`: stop quietly, as
 * cat and grep do), and anything thrown from a callback, rendered as every other failure is.
 */
function guardProcess(debug: boolean): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    process.exit(reportFailure(e, debug));
  });
  const fatal = (e: unknown) => process.exit(reportFailure(e, debug));
  process.on('uncaughtException', fatal);
  process.on('unhandledRejection', fatal);
}

async function main(): Promise<void> {
  guardProcess(process.argv.includes('--debug'));
  const program = buildProgram();
  try {
    await program.parseAsync(process.argv);
  } catch (e) {
    if (e instanceof CommanderError) process.exitCode = e.exitCode === 0 ? 0 : 2;
    else process.exitCode = reportFailure(e, process.argv.includes('--debug'));
  }
}

await main();
