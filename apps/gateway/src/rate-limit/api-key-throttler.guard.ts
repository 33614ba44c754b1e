import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import { ProblemError } from '../problems/problem-error';

/**
 * The throttler's guard, answering in the API's terms: a 429 problem with `Retry-After`, and
 * `RateLimit-Limit/-Remaining/-Reset` headers (the IETF draft's names) on every limited answer.
 */
@Injectable()
export class ApiKeyThrottlerGuard extends ThrottlerGuard {
  protected override headerPrefix = 'RateLimit';

  protected override async throwThrottlingException(
    _context: ExecutionContext,
    limit: ThrottlerLimitDetail,
  ): Promise<void> {
    const retryAfter = String(limit.timeToBlockExpire);
    throw new ProblemError(
      429,
      'rate-limited',
      'Too many requests',
      `more than ${limit.limit} requests in ${limit.ttl / 1000} s from this client; retry in ${retryAfter} s`,
      [],
      { 'Retry-After': retryAfter },
    );
  }
}
