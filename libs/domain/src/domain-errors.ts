import { ComplaintStatus } from './complaint-vocabulary';
import { LIFECYCLE_ACTIONS, LifecycleCommandType } from './lifecycle/lifecycle-command';

/**
 * Errors domain code raises. They carry no HTTP knowledge: the gateway maps `code` to a
 * status and an RFC 9457 problem.
 */
export type DomainErrorCode = 'not_found' | 'forbidden' | 'conflict' | 'invalid' | 'unavailable';

export interface FieldError {
  /** JSON pointer-like path of the offending field, e.g. `customer.email`. */
  readonly field: string;
  readonly message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly fieldErrors: readonly FieldError[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string) {
    super('not_found', `${what} was not found`);
  }
}

/** The caller may see the thing but not do this to it, e.g. publish a policy of another organisation. */
export class ForbiddenError extends DomainError {
  constructor(message: string) {
    super('forbidden', message);
  }
}

export class InvalidInputError extends DomainError {
  constructor(message: string, fieldErrors: readonly FieldError[] = []) {
    super('invalid', message, fieldErrors);
  }
}

/** The request contradicts the thing's current state, e.g. releasing a legal hold that was never placed. */
export class ConflictError extends DomainError {
  constructor(message: string) {
    super('conflict', message);
  }
}

/** A lifecycle command the complaint's current status does not allow; the API answers 409 with that status. */
export class IllegalTransitionError extends DomainError {
  constructor(
    readonly currentStatus: ComplaintStatus,
    readonly command: LifecycleCommandType,
    because?: string,
  ) {
    const message = `cannot ${LIFECYCLE_ACTIONS[command]} a complaint that is ${currentStatus}`;
    super('conflict', because ? `${message}: ${because}` : message);
  }
}
