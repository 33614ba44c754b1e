import { ApiRole } from '../gateway-config';

/** The authenticated caller: the API key's name and role. */
export interface Principal {
  readonly name: string;
  readonly role: ApiRole;
}
