// splq validate's static analysis (src/validate/references.ts, lookup-catalog.ts, check.ts, report.ts):
// lookups a repository does not define are warnings (B010) at the reference; data models are listed.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMacroEnvironment } from '../../src/pipeline.js';
import { parse } from '../../src/spl/parse.js';
import { checkFile } from '../../src/validate/check.js';
import { discoverTargets } from '../../src/validate/discover.js';
import { loadLookupCatalog } from '../../src/validate/lookup-catalog.js';
import { searchReferences } from '../../src/validate/references.js';
import { renderValidationJson, renderValidationText } from '../../src/validate/report.js';
import { REPO_ROOT } from '../helpers/cases.js';

const REPO = join(REPO_ROOT, 'fixtures', 'validate', 'lookups-repo');
const targets = discoverTargets([REPO]);
const env = loadMacroEnvironment({ defaultMacros: true, macroPaths: [], inlineMacros: [], strictMacros: false }, targets.macroDirs);
const lookups = loadLookupCatalog(targets.lookupDirs);
const file = (name: string) => join(REPO, 'detections', name);

describe('references of a parsed search', () => {
  it('lookups of lookup, inputlookup, outputlookup and from, subsearches included, in text order', () => {
    const refs = searchReferences(parse('| inputlookup a.csv | lookup b x OUTPUT y | join x [| inputlookup c | append [| from lookup:d]] | outputlookup e'));
    expect(refs.lookups.map((l) => `${l.command}:${l.name}`)).toEqual(['inputlookup:a.csv', 'lookup:b', 'inputlookup:c', 'from:d', 'outputlookup:e']);
  });

  it('data models of tstats and from datamodel, with the span of the name', () => {
    const text = '| tstats count from datamodel=Endpoint.Processes where [| tstats count from datamodel=Web by x | fields x] | append [| from datamodel Email.All_Email]';
    const refs = searchReferences(parse(text));
    expect(refs.datamodels.map((d) => [d.name, text.slice(d.span.start, d.span.end)])).toEqual([
      ['Endpoint.Processes', 'Endpoint.Processes'],
      ['Web', 'Web'],
      ['Email.All_Email', 'Email.All_Email'],
    ]);
  });

  it('nothing for searches without them; tstats FROM a namespace is no data model', () => {
    expect(searchReferences(parse('index=main | stats count'))).toEqual({ lookups: [], datamodels: [] });
    expect(searchReferences(parse('| tstats count from mydata')).datamodels).toEqual([]);
  });
});

describe('the lookups a repository defines', () => {
  it.each([
    ['known_lookup', true, 'a YAML definition name:'],
    ['known_file.csv', true, 'its filename:, even without the file'],
    ['kv_lookup', true, 'a KV-store definition'],
    ['plain', true, 'a CSV file without its extension'],
    ['plain.csv', true, 'a CSV file name'],
    ['known_file', false, 'filename: without .csv is no name'],
    ['Plain', false, 'names are case-sensitive'],
    ['missing_lookup', false, 'anything else'],
  ])('%s: %s (%s)', (name, defined) => {
    expect(lookups.has(name)).toBe(defined);
  });

  it('a definition YAML cannot parse is read line by line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'splq-lookups-'));
    writeFileSync(join(dir, 'odd.yml'), "name: 'odd_lookup'\nfilename: odd.csv\ndescription: [unclosed\n");
    const catalog = loadLookupCatalog([dir]);
    expect([catalog.has('odd_lookup'), catalog.has('odd.csv')]).toEqual([true, true]);
  });
});

describe('splq validate reports', () => {
  const reports = targets.files.map((f) => checkFile(f, env, { lookups }));
  const byName = (name: string) => reports.find((r) => r.path === file(name))!;

  it('one B010 warning per undefined lookup, at the lookup name in the YAML; defined ones pass', () => {
    const r = byName('uses_lookups.yml');
    expect(r.status).toBe('unsupported');
    expect(r.warnings.map(({ code, line, column, message }) => ({ code, line, column, message }))).toEqual([
      { code: 'B010', line: 3, column: 80, message: `Lookup 'missing_in_subsearch' used by 'inputlookup' is not defined in ${targets.lookupDirs[0]}` },
      { code: 'B010', line: 3, column: 215, message: `Lookup 'missing_lookup' used by 'lookup' is not defined in ${targets.lookupDirs[0]}` },
    ]);
    expect(r.warnings[0]!.rendered).toContain('missing_in_subsearch');
    expect(r.datamodels).toEqual(['Endpoint.Processes']);
  });

  it('data models each once, in text order, from subsearches too', () => {
    expect(byName('data_models.yml')).toMatchObject({ warnings: [], datamodels: ['Web', 'Change.All_Changes.Account_Management', 'Endpoint.Processes'] });
    expect(byName('no_references.yml')).toMatchObject({ status: 'ok', warnings: [], datamodels: [] });
  });

  it('without a lookups/ folder, lookups are not checked', () => {
    expect(checkFile(file('uses_lookups.yml'), env).warnings).toEqual([]);
  });

  it('JSON: warnings and datamodels per search, the existing keys kept', () => {
    const out = JSON.parse(renderValidationJson(reports));
    expect(out.summary).toEqual({ total: 3, ok: 1, error: 0, unsupported: 2 });
    const search = out.searches.find((s: { id: string }) => s.id === 'fixture-1');
    expect(Object.keys(search)).toEqual(['path', 'name', 'id', 'status', 'errors', 'unsupported', 'warnings', 'datamodels']);
    expect(search.warnings[1]).toEqual({ code: 'B010', message: expect.stringContaining("'missing_lookup'"), line: 3, column: 215 });
    expect(search.datamodels).toEqual(['Endpoint.Processes']);
  });

  it('text: warnings always, data models when verbose, the count in the summary', () => {
    const plain = renderValidationText(reports, false).trimEnd().split('\n');
    expect(plain).toEqual([
      `${file('uses_lookups.yml')}:3:80: warning[B010]: Lookup 'missing_in_subsearch' used by 'inputlookup' is not defined in ${targets.lookupDirs[0]}`,
      `${file('uses_lookups.yml')}:3:215: warning[B010]: Lookup 'missing_lookup' used by 'lookup' is not defined in ${targets.lookupDirs[0]}`,
      '3 searches: 3 parsed (1 ok, 2 cannot execute yet), 0 with errors, 2 warnings',
    ]);
    const verbose = renderValidationText(reports, true);
    expect(verbose).toContain(`${file('data_models.yml')}: datamodels: Web, Change.All_Changes.Account_Management, Endpoint.Processes\n`);
    expect(verbose).toContain(`${file('uses_lookups.yml')}: datamodels: Endpoint.Processes\n`);
  });
});
