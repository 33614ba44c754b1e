import { DynamicModule, ExecutionContext, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule, ThrottlerModuleOptions } from '@nestjs/throttler';
import type { Request } from 'express';
import { bearerToken, principalOf } from '../auth/api-keys';
import { GatewayConfig } from '../gateway-config';
import { ApiKeyThrottlerGuard } from './api-key-throttler.guard';

/**
 * Probes come from the orchestrator, often and by design; they are never limited.
 * The public survey pages have a budget of their own, per client address (surveys/survey-http.ts).
 */
const UNLIMITED_PATHS = /^\/(health|surveys|assets)(\/|$)/;

/**
 * Rate limits per API key: one budget of `RATE_LIMIT_PER_MINUTE` requests per key across
 * every route. A request without a valid key is counted against its client IP (it is refused
 * with 401 anyway, but a flood of them is limited too).
 *
 * The counters live in this replica's memory, so with N gateway replicas a key may make up
 * to N times its limit. That is acceptable for now: the limit protects the backends from a
 * runaway client rather than enforcing a contract, and the replicas are few. A shared store
 * (the throttler's storage interface over PostgreSQL or NATS KV) makes it exact when needed.
 */
@Module({})
export class RateLimitModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: RateLimitModule,
      imports: [ThrottlerModule.forRoot(throttlerOptions(config))],
      providers: [{ provide: APP_GUARD, useClass: ApiKeyThrottlerGuard }],
    };
  }
}

function throttlerOptions(config: GatewayConfig): ThrottlerModuleOptions {
  return {
    throttlers: [{ ttl: 60_000, limit: config.rateLimitPerMinute }],
    // A global guard runs before each controller's ApiKeyGuard, so the tracker identifies the
    // key itself instead of reading the principal that guard sets later.
    getTracker: (request) => {
      const key = bearerToken((request as Request).headers.authorization);
      const principal = key ? principalOf(config.apiKeys, key) : undefined;
      return principal ? `api-key:${principal.name}` : `ip:${(request as Request).ip}`;
    },
    // The throttler's default key is per route; the budget here is per caller.
    generateKey: (_context, tracker, throttlerName) => `${throttlerName}:${tracker}`,
    skipIf: (context: ExecutionContext) =>
      UNLIMITED_PATHS.test(context.switchToHttp().getRequest<Request>().path),
  };
}
