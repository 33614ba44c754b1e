import { z } from 'zod';
import { rpcResultSchema } from './rpc-result';

/**
 * One query or command served over NATS request-reply: the subject it is served on, what the
 * caller sends and what the answering service replies. Both sides are typed from it, so a
 * caller that sends the wrong payload, or a handler that replies with the wrong value, does
 * not compile.
 */
export interface RequestContract<TRequest extends z.ZodType = z.ZodType, TReply extends z.ZodType = z.ZodType> {
  /** The subject, before any deployment namespace. */
  readonly pattern: string;
  readonly request: TRequest;
  readonly reply: TReply;
  /** The reply as it travels: the value, or a problem the gateway turns into problem+json. */
  readonly result: ReturnType<typeof rpcResultSchema<TReply>>;
}

export function defineRequest<TRequest extends z.ZodType, TReply extends z.ZodType>(definition: {
  readonly pattern: string;
  readonly request: TRequest;
  readonly reply: TReply;
}): RequestContract<TRequest, TReply> {
  return { ...definition, result: rpcResultSchema(definition.reply) };
}

/** What a caller sends (defaults not yet applied). */
export type RequestPayload<C extends RequestContract> = z.input<C['request']>;
/** What the answering service handles, once parsed. */
export type RequestData<C extends RequestContract> = z.output<C['request']>;
/** The value of a successful reply. */
export type ReplyValue<C extends RequestContract> = z.output<C['reply']>;
