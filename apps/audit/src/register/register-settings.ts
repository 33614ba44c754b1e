import { RegisterSettings } from '../audit-config';

/** The register's signing key, origin and checkpoint cadence, from the service's configuration. */
export const REGISTER_SETTINGS = Symbol('RegisterSettings');

export type { RegisterSettings };
