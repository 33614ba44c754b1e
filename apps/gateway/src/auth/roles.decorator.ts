import { SetMetadata, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { ApiRole } from '../gateway-config';
import { Principal } from './principal';

export const ROLES_KEY = 'roles';

/** The roles allowed on a route. A route without it is refused: authorisation is never implicit. */
export const Roles = (...roles: ApiRole[]) => SetMetadata(ROLES_KEY, roles);

export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal => context.switchToHttp().getRequest().principal,
);
