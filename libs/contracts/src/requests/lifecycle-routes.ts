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
  /** The route's name in the OpenAPI description, which client generators make a method name of. */
  readonly operationId: string;
  /** One line on what the route does, for the OpenAPI description. */
  readonly summary: string;
}

/**
 * `POST /v1/complaints/:id/<segment>` → the lifecycle command it asks for, the body it takes
 * and how the API description names it, so the gateway and intake handle every lifecycle
 * route the same way and the description lists them all.
 */
export const LIFECYCLE_ROUTES = {
  acknowledge: {
    command: 'acknowledge',
    body: acknowledgeBodySchema,
    operationId: 'acknowledgeComplaint',
    summary: 'Acknowledge a complaint',
  },
  responses: {
    command: 'send_response',
    body: sendResponseBodySchema,
    operationId: 'sendResponse',
    summary: 'Record a response sent to the customer (first reply, interim, findings, final, update)',
  },
  'request-info': {
    command: 'request_info',
    body: requestInfoBodySchema,
    operationId: 'requestInformation',
    summary: 'Ask the customer for information; the complaint then awaits their reply',
  },
  'customer-replies': {
    command: 'record_customer_reply',
    body: customerReplyBodySchema,
    operationId: 'recordCustomerReply',
    summary: "Record the customer's reply to a request for information",
  },
  authorization: {
    command: 'verify_authorization',
    body: authorizationBodySchema,
    operationId: 'verifyAuthorization',
    summary: 'Record that the authorisation a complaint awaits was verified',
  },
  upgrade: {
    command: 'upgrade',
    body: upgradeBodySchema,
    operationId: 'upgradeComplaint',
    summary: 'Upgrade an inquiry to a formal complaint',
  },
  'expected-date': {
    command: 'set_expected_date',
    body: expectedDateBodySchema,
    operationId: 'setExpectedDate',
    summary: 'Tell the customer when to expect a resolution',
  },
  resolve: {
    command: 'resolve',
    body: resolveBodySchema,
    operationId: 'resolveComplaint',
    summary: 'Resolve a complaint',
  },
  reopen: {
    command: 'reopen',
    body: reopenBodySchema,
    operationId: 'reopenComplaint',
    summary: 'Reopen a resolved complaint',
  },
  close: {
    command: 'close',
    body: closeBodySchema,
    operationId: 'closeComplaint',
    summary: 'Close a complaint, giving the reason',
  },
  escalate: {
    command: 'escalate',
    body: escalateBodySchema,
    operationId: 'escalateComplaint',
    summary: 'Escalate a complaint',
  },
  'dispute-tier': {
    command: 'change_dispute_tier',
    body: disputeTierBodySchema,
    operationId: 'changeDisputeTier',
    summary: "Move a complaint to another of its policy's dispute tiers",
  },
  'seller-non-cooperation': {
    command: 'report_seller_non_cooperation',
    body: sellerNonCooperationBodySchema,
    operationId: 'reportSellerNonCooperation',
    summary: 'Report that the seller does not cooperate',
  },
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
