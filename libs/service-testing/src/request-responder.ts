import { ReplyValue, RequestContract, RequestData } from '@complaints/contracts';
import { Answers, Topology, TracedNatsServer } from '@complaints/messaging';
import { Controller, INestMicroservice, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

/** A handler for one request contract, as another service would answer it. */
export interface RequestAnswer<C extends RequestContract = RequestContract> {
  readonly contract: C;
  readonly answer: (request: RequestData<C>) => Promise<ReplyValue<C>>;
}

export function answer<C extends RequestContract>(contract: C, handle: (request: RequestData<C>) => Promise<ReplyValue<C>>): RequestAnswer {
  return { contract, answer: handle as RequestAnswer['answer'] };
}

/**
 * Plays other services' request-reply in a test: each answer is served with `@Answers`, as
 * the real service serves it, on the test's NATS namespace. Close it with `close()`.
 */
export async function answerRequests(natsUrl: string, namespace: string, answers: readonly RequestAnswer[]): Promise<INestMicroservice> {
  class Responder {}
  answers.forEach(({ contract, answer: handle }, index) => {
    const key = `answer${index}`;
    const descriptor: PropertyDescriptor = { value: handle, writable: true, configurable: true };
    Answers(contract)(Responder.prototype, key, descriptor);
    Object.defineProperty(Responder.prototype, key, descriptor);
  });
  Controller()(Responder);
  class ResponderModule {}
  Module({ controllers: [Responder] })(ResponderModule);
  const app = await NestFactory.createMicroservice(ResponderModule, {
    strategy: new TracedNatsServer({ servers: natsUrl.split(','), queue: `test-responder-${namespace}` }, new Topology(namespace)),
    logger: false,
  });
  await app.listen();
  return app;
}
