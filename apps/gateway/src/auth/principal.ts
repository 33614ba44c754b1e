import { ApiRole } from '../gateway-config';

/** The authenticated caller: the API key's name and role. */
export interface Principal {
  readonly name: string;
  readonly role: ApiRole;
}

/** The principal as the actor recorded on events: a gateway client, by its API key's name. */
export function actorOf(principal: Principal): { kind: 'client'; id: string } {
  return { kind: 'client', id: principal.name };
}
