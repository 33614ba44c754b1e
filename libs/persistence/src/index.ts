export { executeSql, migrateServiceDatabase, openServiceDatabase, quoteIdent } from './service-database';
export type { ServiceDatabaseOptions } from './service-database';
export { isUuid, pgArray } from './sql-arrays';
export { PersonalDataCipher, PersonalDataDecryptionError } from './personal-data-cipher';
export type { SealedValue } from './personal-data-cipher';
