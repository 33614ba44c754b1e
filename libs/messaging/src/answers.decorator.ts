import { ReplyValue, RequestContract, RequestData } from '@complaints/contracts';
import { Logger } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { answerRequest } from './answer-request';

/** A handler method typed by its contract: it takes the parsed request and resolves to the reply value. */
export type RequestHandler<C extends RequestContract> = (request: RequestData<C>) => Promise<ReplyValue<C>>;

// Nest's logger, which the service has pointed at its structured logger at start.
const logger = new Logger('requests');

/**
 * Makes a controller method the answer to one request contract: it is subscribed on the
 * contract's subject, receives the request parsed against the contract's schema, and its
 * value or domain error travels back as an `RpcResult`. The method's signature is checked
 * against the contract, so a handler that replies with the wrong value does not compile.
 */
export function Answers<C extends RequestContract>(contract: C) {
  // Only `value` is typed, so a method that resolves to a narrower value than the reply still fits.
  return (target: object, key: string | symbol, descriptor: { value?: RequestHandler<C> }): void => {
    const handle = descriptor.value;
    if (!handle) throw new Error(`@Answers(${contract.pattern}) must decorate a method`);
    const answer = function (this: unknown, payload: unknown) {
      return answerRequest(contract, payload, (request) => handle.call(this, request), {
        error: (details, message) => logger.error({ ...details, msg: message }),
      });
    };
    // Nest calls the method with the raw payload; what it returns is the wire result, not the
    // typed value the decorated signature promises to the compiler.
    descriptor.value = answer as unknown as RequestHandler<C>;
    MessagePattern(contract.pattern)(target, key, descriptor as PropertyDescriptor);
  };
}
