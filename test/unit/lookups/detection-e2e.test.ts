// End to end: a real security_content detection whose lookup comes from the corpus, read in place
// (o365_privileged_role_assigned: WILDCARD lookup privileged_azure_ad_roles, case-insensitive,
// min_matches 1 with default_match 'false', a CRLF CSV), over hand-written O365 events.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDetection } from '../../../src/detections/load.js';
import { repositoryLookups } from '../../../src/lookups/locate.js';
import { runSearch } from '../../../src/pipeline.js';
import { REPO_ROOT } from '../../helpers/cases.js';

const CORPUS = join(REPO_ROOT, '..', 'shared', 'corpus', 'security_content');
const DETECTION = join(CORPUS, 'detections', 'cloud', 'o365_privileged_role_assigned.yml');

/** One "Add member to role." event: actor user, target type at Target{}.ID[2], role name and template id. */
function roleEvent(time: number, actor: string, target: string, targetType: string, role: string, templateId: string) {
  return {
    time,
    sourcetype: 'o365:management:activity',
    source: 'o365',
    host: 'o365',
    event: {
      Workload: 'AzureActiveDirectory',
      Operation: 'Add member to role.',
      ResultStatus: 'Success',
      ObjectId: target,
      Actor: [{ ID: actor, Type: 5 }, { ID: '10032001A9F4AAAA', Type: 3 }, { ID: 'User', Type: 2 }],
      Target: [{ ID: `User_${target}`, Type: 2 }, { ID: target, Type: 5 }, { ID: targetType, Type: 2 }],
      ModifiedProperties: [
        { Name: 'Role.ObjectID', NewValue: 'f1e2d3c4' },
        { Name: 'Role.DisplayName', NewValue: role },
        { Name: 'Role.TemplateId', NewValue: templateId },
      ],
    },
  };
}

describe('o365_privileged_role_assigned with the corpus lookup', () => {
  it('the detection finds its repository lookups/ folder', () => {
    expect(repositoryLookups(DETECTION)).toBe(join(CORPUS, 'lookups'));
  });

  it('reports the privileged role given to a user, not the others', async () => {
    const events = [
      roleEvent(1717192800, 'admin@contoso.com', 'eve@contoso.com', 'User', 'Global Administrator', '62E90394-69F5-4237-9190-012177145E10'),
      roleEvent(1717192900, 'admin@contoso.com', 'bob@contoso.com', 'User', 'Directory Readers', '88d8e3e3-8f55-4a1e-953a-9b9898b8876b'),
      roleEvent(1717193000, 'admin@contoso.com', 'app@contoso.com', 'ServicePrincipal', 'Helpdesk Administrator', '729827e3-9c14-49f7-bb1b-9608f156bbb8'),
    ];
    const file = join(mkdtempSync(join(tmpdir(), 'splq-e2e-')), 'o365.ndjson');
    writeFileSync(file, events.map((e) => JSON.stringify(e)).join('\n') + '\n');
    const { query } = loadDetection(DETECTION);
    const result = await runSearch({
      query,
      macros: { defaultMacros: true, macroPaths: [join(CORPUS, 'macros')], inlineMacros: [], strictMacros: false },
      inputs: [file],
      read: {},
      clock: { now: 1717200000, zone: 'UTC' },
      lookups: { paths: [], readOnly: [repositoryLookups(DETECTION)!] },
    });
    expect(result.results.rows.map((r) => Object.fromEntries(r))).toEqual([
      {
        src_user: 'admin@contoso.com',
        user: 'eve@contoso.com',
        category: 'User',
        result: 'Success',
        object_name: 'Global Administrator',
        object_id: '62E90394-69F5-4237-9190-012177145E10',
        signature: 'Add member to role.',
        count: 1,
        firstTime: '2024-05-31T22:00:00',
        lastTime: '2024-05-31T22:00:00',
        isprvilegedadrole: 'TRUE',
      },
    ]);
  });
});
