import { DomainError, InvalidInputError } from '@complaints/domain';

/** One problem with an input, located by a path such as `clocks[2].target.amount`. */
export interface PolicyIssue {
  readonly path: string;
  readonly message: string;
}

function summarise(what: string, issues: readonly PolicyIssue[]): string {
  const shown = issues
    .slice(0, 3)
    .map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message));
  const more = issues.length > 3 ? ` (+${issues.length - 3} more)` : '';
  return `${what}: ${shown.join('; ')}${more}`;
}

/** Invalid input with every problem located; the gateway maps `fieldErrors` to its problem details. */
abstract class IssuesError extends InvalidInputError {
  protected constructor(
    what: string,
    readonly issues: readonly PolicyIssue[],
  ) {
    super(
      summarise(what, issues),
      issues.map((issue) => ({ field: issue.path, message: issue.message })),
    );
  }
}

/** A policy document that does not satisfy the schema or the time semantics. */
export class PolicyValidationError extends IssuesError {
  constructor(issues: readonly PolicyIssue[]) {
    super('invalid policy document', issues);
  }
}

/** Complaint facts handed to the planner that cannot be planned from. */
export class InvalidClockFactsError extends IssuesError {
  constructor(issues: readonly PolicyIssue[]) {
    super('invalid complaint facts', issues);
  }
}

/**
 * A calendar that has no open time where a deadline needs some. Raised instead of searching
 * forever: every search is bounded.
 */
export class NoOpenTimeError extends InvalidInputError {}

/** A published policy version cannot change. */
export class PolicyVersionConflictError extends DomainError {
  constructor(id: string, version: number) {
    super('conflict', `policy ${id} version ${version} is already published with different content`);
  }
}

/** An instant outside the years the calendars are computed for. */
export class UnsupportedInstantError extends InvalidInputError {}
