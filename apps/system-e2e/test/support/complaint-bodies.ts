/** A valid `POST /v1/complaints` body, with overrides. The personal data is recognisable, so tests can look for it. */
export function newComplaint(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    policyId: 'mimo',
    kind: 'complaint',
    channel: 'email',
    customer: { name: 'Ada Lovelace', email: 'ada.lovelace@example.org', phone: '+44 20 7946 0958', locale: 'en' },
    subject: 'Parcel never arrived',
    description: 'Ordered on 2 November; the tracking page has not moved since.',
    ...overrides,
  };
}
