export { PolicyCatalog } from './policy-catalog';
