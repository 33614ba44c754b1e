import { ForbiddenError, Principal } from '@complaints/domain';

/** Exports and erasures are for an organisation's admins (a platform admin's: every organisation's). */
export function assertMayExerciseDataRights(principal: Principal): void {
  if (principal.role !== 'admin') throw new ForbiddenError("only admins act on a customer's data rights");
}
