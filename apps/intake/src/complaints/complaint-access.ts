import { Actor } from '@complaints/contracts';
import { Principal, canSee } from '@complaints/domain';
import { Complaint } from './complaint';

/**
 * Which complaints a principal may read or work: its organisation's (a platform operator's:
 * all), and of those a submitter only the ones it submitted. Any other is "not found", never
 * "forbidden", so ids of other organisations' complaints reveal nothing (OWASP API1).
 */
export function mayAccess(principal: Principal, complaint: Pick<Complaint, 'organisationId' | 'submittedBy'>): boolean {
  if (!canSee(principal, complaint.organisationId)) return false;
  return principal.role !== 'submitter' || complaint.submittedBy === principal.name;
}

/** Contact data and free text are for the agents who work the complaint. */
export function seesContact(principal: Principal): boolean {
  return principal.role === 'agent';
}

/** The principal as the actor recorded on events: a gateway client, by its API key's name. */
export function actorOf(principal: Principal): Actor {
  return { kind: 'client', id: principal.name };
}
