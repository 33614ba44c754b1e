import { LifecycleCommandType } from '@complaints/domain';
import { z } from 'zod';
import {
  acknowledgeBodySchema,
  authorizationBodySchema,
  closeBodySchema,
  customerReplyBodySchema,
  disputeTierBodySchema,
  escalateBodySchema,
  expectedDateBodySchema,
  reopenBodySchema,
  requestInfoBodySchema,
  resolveBodySchema,
  sellerNonCooperationBodySchema,
  sendResponseBodySchema,
  upgradeBodySchema,
} from './complaint-bodies';

interface LifecycleRoute {
  readonly command: LifecycleCommandType;
  readonly body: z.ZodType;
}

/**
 * `POST /v1/complaints/:id/<segment>` → the lifecycle command it asks for and the body it
 * takes, so the gateway and intake handle every lifecycle route the same way.
 */
export const LIFECYCLE_ROUTES = {
  acknowledge: { command: 'acknowledge', body: acknowledgeBodySchema },
  responses: { command: 'send_response', body: sendResponseBodySchema },
  'request-info': { command: 'request_info', body: requestInfoBodySchema },
  'customer-replies': { command: 'record_customer_reply', body: customerReplyBodySchema },
  authorization: { command: 'verify_authorization', body: authorizationBodySchema },
  upgrade: { command: 'upgrade', body: upgradeBodySchema },
  'expected-date': { command: 'set_expected_date', body: expectedDateBodySchema },
  resolve: { command: 'resolve', body: resolveBodySchema },
  reopen: { command: 'reopen', body: reopenBodySchema },
  close: { command: 'close', body: closeBodySchema },
  escalate: { command: 'escalate', body: escalateBodySchema },
  'dispute-tier': { command: 'change_dispute_tier', body: disputeTierBodySchema },
  'seller-non-cooperation': { command: 'report_seller_non_cooperation', body: sellerNonCooperationBodySchema },
} as const satisfies Record<string, LifecycleRoute>;

export type LifecycleRouteSegment = keyof typeof LIFECYCLE_ROUTES;

export const LIFECYCLE_ROUTE_SEGMENTS = Object.keys(LIFECYCLE_ROUTES) as LifecycleRouteSegment[];

/** `{ type, body }` for one route; mapped per route so narrowing on `type` narrows `body`. */
type CommandMessageSchema = {
  [S in LifecycleRouteSegment]: z.ZodObject<
    { type: z.ZodLiteral<(typeof LIFECYCLE_ROUTES)[S]['command']>; body: (typeof LIFECYCLE_ROUTES)[S]['body'] },
    z.core.$strict
  >;
}[LifecycleRouteSegment];

function commandMessageSchema(segment: LifecycleRouteSegment): CommandMessageSchema {
  const route = LIFECYCLE_ROUTES[segment];
  return z.strictObject({ type: z.literal(route.command), body: route.body }) as CommandMessageSchema;
}

/** A lifecycle command as it travels to intake: the command type and the body it came with. */
export const lifecycleCommandSchema = z.discriminatedUnion(
  'type',
  LIFECYCLE_ROUTE_SEGMENTS.map(commandMessageSchema) as [CommandMessageSchema, ...CommandMessageSchema[]],
);
export type LifecycleCommandMessage = z.infer<typeof lifecycleCommandSchema>;
