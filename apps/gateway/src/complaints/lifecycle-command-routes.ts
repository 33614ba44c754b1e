import {
  ComplaintView,
  LIFECYCLE_ROUTES,
  LIFECYCLE_ROUTE_SEGMENTS,
  LifecycleRouteSegment,
  complaintViewSchema,
} from '@complaints/contracts';
import { Body, Headers, HttpCode, Param, Post, Type, applyDecorators } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { Principal } from '../auth/principal';
import { CurrentPrincipal, Roles } from '../auth/roles.decorator';
import { ApiIdempotencyKeyHeader } from '../openapi/idempotency-key-header';
import { ApiProblemResponses } from '../openapi/problem-responses';
import { ApiZodBody, ApiZodPathParams, ApiZodResponse } from '../openapi/zod-openapi';
import { complaintIdParamSchema } from './complaint-queries';

/** What a command route hands on, in the order of `COMMAND_ARGUMENTS`. */
type CommandArguments = [
  params: unknown,
  body: unknown,
  idempotencyHeader: string | undefined,
  principal: Principal,
];

/** A controller that applies any lifecycle command; each generated route calls it with its own segment. */
export interface LifecycleCommandHandler {
  command(segment: LifecycleRouteSegment, ...args: CommandArguments): Promise<ComplaintView>;
}

const COMMAND_ARGUMENTS: ParameterDecorator[] = [
  Param(),
  Body(),
  Headers('idempotency-key'),
  CurrentPrincipal(),
];

function commandRoute(segment: LifecycleRouteSegment): MethodDecorator {
  const { body, operationId, summary } = LIFECYCLE_ROUTES[segment];
  return applyDecorators(
    Post(`:id/${segment}`),
    HttpCode(200),
    Roles('agent'),
    ApiOperation({
      operationId,
      summary,
      description:
        'An illegal transition is a 409 naming the current status; the complaint is left as it was.',
    }),
    ApiIdempotencyKeyHeader({ required: false }),
    ApiZodPathParams(complaintIdParamSchema),
    // The gateway reads a missing body as `{}`, so only a route whose body has required fields needs one.
    ApiZodBody(body, { required: !body.safeParse({}).success }),
    ApiZodResponse(200, 'The complaint after the command', complaintViewSchema),
    ApiProblemResponses(404, 409, 422),
  );
}

/**
 * Gives the controller one route per entry of LIFECYCLE_ROUTES, `POST :id/<segment>`, so each
 * command is its own operation in the OpenAPI description, with its own body and operationId,
 * while the table stays the only list of them. Each route is a method named by its
 * operationId that hands its arguments to `command`.
 */
export function LifecycleCommandRoutes() {
  return (controller: Type<LifecycleCommandHandler>): void => {
    const prototype: LifecycleCommandHandler = controller.prototype;
    for (const segment of LIFECYCLE_ROUTE_SEGMENTS) {
      const name = LIFECYCLE_ROUTES[segment].operationId;
      const descriptor: TypedPropertyDescriptor<(...args: CommandArguments) => Promise<ComplaintView>> = {
        value: function (this: LifecycleCommandHandler, ...args) {
          return this.command(segment, ...args);
        },
        configurable: true,
        writable: true,
      };
      Object.defineProperty(prototype, name, descriptor);
      commandRoute(segment)(prototype, name, descriptor);
      COMMAND_ARGUMENTS.forEach((argument, index) => argument(prototype, name, index));
    }
  };
}
