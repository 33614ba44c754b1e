/** The authenticated caller: the API key's name, its role and its organisation (`*`: the platform's operators). */
export type { Principal } from '@complaints/domain';
