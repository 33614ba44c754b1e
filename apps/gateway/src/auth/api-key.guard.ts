import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { timingSafeEqual } from 'node:crypto';
import { SERVICE_CONFIG } from '@complaints/runtime';
import { ApiRole, GatewayConfig, hashApiKey } from '../gateway-config';
import { ProblemError } from '../problems/problem-error';
import { ROLES_KEY } from './roles.decorator';

/** Authenticates `Authorization: Bearer <api key>` and checks the route's roles. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(SERVICE_CONFIG) private readonly config: GatewayConfig,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest();
    const roles = this.reflector.getAllAndOverride<ApiRole[] | undefined>(ROLES_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    const header: unknown = request.headers['authorization'];
    const match = typeof header === 'string' ? /^Bearer (\S+)$/i.exec(header) : null;
    if (!match?.[1]) {
      throw new ProblemError(401, 'unauthenticated', 'Authentication required', 'send Authorization: Bearer <api key>');
    }
    const presented = hashApiKey(match[1]);
    // Compare against every key in constant time so timing does not reveal which keys exist.
    let entry: GatewayConfig['apiKeys'][number] | undefined;
    for (const candidate of this.config.apiKeys) {
      if (timingSafeEqual(candidate.hash, presented)) entry = candidate;
    }
    if (!entry) throw new ProblemError(401, 'unauthenticated', 'Authentication required', 'the API key is not valid');
    if (!roles || !roles.includes(entry.role)) {
      throw new ProblemError(403, 'forbidden', 'Forbidden', `the ${entry.role} role may not do this`);
    }
    request.principal = { name: entry.name, role: entry.role };
    return true;
  }
}
