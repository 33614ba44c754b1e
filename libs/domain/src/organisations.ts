/** What a caller may do: submit complaints, work them, read the register, administer policies. */
export const PRINCIPAL_ROLES = ['submitter', 'agent', 'auditor', 'admin'] as const;
export type PrincipalRole = (typeof PRINCIPAL_ROLES)[number];

/** The organisation of a platform operator's key: every organisation's data. */
export const PLATFORM_WIDE = '*';

/**
 * Who asks: an API key's name (its stable identity), its role, and the organisation whose
 * data it may see, or `*` for the platform's operators.
 */
export interface Principal {
  readonly name: string;
  readonly role: PrincipalRole;
  readonly organisationId: string;
}

/**
 * Whether a principal may see what belongs to an organisation. `null` is what belongs to no
 * organisation (a complaint under a template policy): the platform's operators only. An
 * organisation's people see their own and nothing else (OWASP API1).
 */
export function canSee(principal: Principal, organisationId: string | null): boolean {
  return principal.organisationId === PLATFORM_WIDE || principal.organisationId === organisationId;
}

/**
 * Whether a principal administers the platform itself: an admin of no one organisation. What
 * belongs to no organisation and acts on every one (the dead letters, ADR 0008) is theirs alone.
 */
export function isPlatformAdmin(principal: Principal): boolean {
  return principal.role === 'admin' && principal.organisationId === PLATFORM_WIDE;
}
