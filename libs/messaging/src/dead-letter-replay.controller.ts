import { ReplayDeadLetterRequest, replayDeadLetterRequest } from '@complaints/contracts';
import { Controller, Type } from '@nestjs/common';
import { Answers } from './answers.decorator';
import { EventConsumerHost } from './event-consumer-host';
import { replayDeadLetter } from './replay-dead-letter';

/**
 * The request-reply handler of `<service>.dead-letters.replay`, which every service with durable
 * consumers answers for its own (`ServiceCoreModule` adds it). Made per service, since the
 * subject names the service.
 */
export function deadLetterReplayController(service: string): Type {
  @Controller()
  class DeadLetterReplayController {
    constructor(private readonly host: EventConsumerHost) {}

    @Answers(replayDeadLetterRequest(service))
    replay(request: ReplayDeadLetterRequest) {
      return replayDeadLetter(this.host, request);
    }
  }
  return DeadLetterReplayController;
}
