import { AuditEntry } from '@complaints/contracts';
import { entryAsSeenBy } from './entry-visibility';

const entry = {
  seq: 7,
  eventId: '0192f0a4-0000-7000-8000-000000000001',
  policyId: 'mimo',
  prevHash: 'a'.repeat(64),
  hash: 'b'.repeat(64),
  reference: 'MIMO-2026-000001',
} as unknown as AuditEntry;
const organisationOf = (policyId: string | null) => (policyId === 'mimo' ? 'mimo' : null);

describe(entryAsSeenBy.name, () => {
  it('shows an organisation’s auditor its own entries in full', () => {
    expect(entryAsSeenBy({ name: 'a', role: 'auditor', organisationId: 'mimo' }, entry, organisationOf)).toBe(entry);
  });

  it('shows it other organisations’ entries as seq and hashes only', () => {
    expect(entryAsSeenBy({ name: 'a', role: 'auditor', organisationId: 'mit' }, entry, organisationOf)).toEqual({
      seq: 7,
      prevHash: 'a'.repeat(64),
      hash: 'b'.repeat(64),
    });
  });

  it('shows the platform’s auditors everything', () => {
    expect(entryAsSeenBy({ name: 'a', role: 'auditor', organisationId: '*' }, entry, organisationOf)).toBe(entry);
  });
});
