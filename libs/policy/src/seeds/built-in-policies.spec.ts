import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PolicyValidationError } from '../policy-errors';
import { BUILT_IN_POLICY_IDS, builtInPolicies, builtInPolicy } from './built-in-policies';
import { loadPolicyFile, parsePolicyYaml } from './policy-file';

describe(builtInPolicies.name, () => {
  it('loads the four seed policies and the two regulatory profiles, validated', () => {
    expect(builtInPolicies().map((policy) => policy.id)).toEqual([...BUILT_IN_POLICY_IDS]);
  });

  it('gives every seed policy exactly the clocks POLICIES.md lists', () => {
    const ids = (id: (typeof BUILT_IN_POLICY_IDS)[number]) => [
      ...new Set(builtInPolicy(id).clocks.map((c) => c.id)),
    ];
    expect(ids('mimo')).toEqual(['acknowledgement', 'first_reply', 'resolution', 'survey_window']);
    expect(ids('mit')).toEqual(['acknowledgement', 'resolution']);
    expect(ids('modmount')).toEqual([
      'interim_response',
      'acknowledgement',
      'corrective_actions',
      'non_cooperation',
      'stale',
    ]);
    expect(ids('imolocale')).toEqual([
      'regular_update',
      'escalation_level_2',
      'findings',
      'escalation_level_3',
      'resolution',
      'survey_window',
    ]);
  });

  it('marks the values the seed texts leave open as defaults', () => {
    expect(builtInPolicy('mimo').calendar.defaulted).toBe(true);
    expect(builtInPolicy('modmount').calendar.defaulted).toBe(true);
    expect(builtInPolicy('mit').clocks.find((clock) => clock.id === 'acknowledgement')?.defaulted).toBe(true);
    expect(builtInPolicy('modmount').clocks.find((clock) => clock.id === 'non_cooperation')?.defaulted).toBe(
      true,
    );
    expect(builtInPolicy('imolocale').clocks.find((clock) => clock.id === 'regular_update')?.defaulted).toBe(
      true,
    );
  });

  it('pauses only the clocks POLICIES.md says pause', () => {
    const pausing = builtInPolicies()
      .filter((policy) => policy.source?.kind === 'seed')
      .flatMap((policy) =>
        policy.clocks
          .filter((clock) => clock.pausesWhile.length > 0)
          .map((clock) => `${policy.id}.${clock.id}`),
      );
    expect(pausing).toEqual(['mimo.resolution', 'mit.resolution', 'modmount.corrective_actions']);
  });

  it('sends each seed customer the messages POLICIES.md promises, and the basics where the policy says nothing', () => {
    const types = (id: (typeof BUILT_IN_POLICY_IDS)[number]) =>
      builtInPolicy(id).notifications.customer.map((rule) => rule.type);
    expect(types('mimo')).toEqual(['acknowledged', 'response', 'info_requested', 'resolved', 'closed']);
    expect(types('mit')).toEqual(['acknowledged', 'info_requested', 'response', 'expected_date', 'resolved', 'closed']);
    expect(types('modmount')).toEqual(['acknowledged', 'info_requested', 'response', 'resolved', 'closed']);
    expect(types('imolocale')).toEqual([
      'received',
      'acknowledged',
      'response',
      'info_requested',
      'progress_update',
      'escalated',
      'resolved',
      'closed',
    ]);
    const profile = builtInPolicy('cfpb').notifications;
    expect(profile.defaulted).toBe(true);
    expect(profile.customer.every((rule) => rule.defaulted)).toBe(true);
  });

  it('gives every role an escalation level notifies a team address', () => {
    for (const id of ['mimo', 'mit', 'modmount', 'imolocale'] as const) {
      const policy = builtInPolicy(id);
      const roles = policy.escalation.levels.flatMap((level) => level.notifies);
      expect(roles.filter((role) => policy.notifications.teamAddresses[role] === undefined)).toEqual([]);
    }
  });

  it('labels the regulatory profiles as profiles, not legal advice', () => {
    for (const id of ['fca-disp', 'cfpb'] as const) {
      expect(builtInPolicy(id).source).toMatchObject({
        kind: 'regulatory_profile',
        disclaimer: expect.stringMatching(/not legal advice/),
      });
    }
  });

  it('returns the same frozen documents on every call', () => {
    expect(builtInPolicies()).toBe(builtInPolicies());
    expect(Object.isFrozen(builtInPolicy('mit').calendar.holidays.add)).toBe(true);
  });
});

describe(loadPolicyFile.name, () => {
  const directory = mkdtempSync(join(tmpdir(), 'policy-'));

  it('names the file and the field when a document is invalid', () => {
    const file = join(directory, 'broken.yaml');
    writeFileSync(file, 'id: broken\nversion: 0\n');
    expect(() => loadPolicyFile(file)).toThrow(/version: .*\(in broken\.yaml\)/);
  });

  it('reports YAML syntax errors as validation errors', () => {
    expect(() => parsePolicyYaml('id: [unclosed')).toThrow(PolicyValidationError);
  });

  it('reads JSON documents too', () => {
    const file = join(directory, 'mimo.json');
    writeFileSync(file, JSON.stringify(builtInPolicy('mimo')));
    expect(loadPolicyFile(file)).toEqual(builtInPolicy('mimo'));
  });
});
