export { executeSql, migrateServiceDatabase, openServiceDatabase, quoteIdent } from './service-database';
export type { ServiceDatabaseOptions } from './service-database';
export { isUuid, pgArray } from './sql-arrays';
