import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { SERVICE_CONFIG } from '@complaints/runtime';
import { ApiRole, GatewayConfig } from '../gateway-config';
import { ProblemError } from '../problems/problem-error';
import { bearerToken, principalOf } from './api-keys';
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
    const key = bearerToken(request.headers['authorization']);
    if (!key) {
      throw new ProblemError(401, 'unauthenticated', 'Authentication required', 'send Authorization: Bearer <api key>');
    }
    const principal = principalOf(this.config.apiKeys, key);
    if (!principal) throw new ProblemError(401, 'unauthenticated', 'Authentication required', 'the API key is not valid');
    if (!roles || !roles.includes(principal.role)) {
      throw new ProblemError(403, 'forbidden', 'Forbidden', `the ${principal.role} role may not do this`);
    }
    request.principal = principal;
    return true;
  }
}
