import { z } from 'zod';
import { Envelope } from './envelope';
import { StreamDefinition } from './streams';

/** One versioned event type: its name, the stream it is published on and the schema of its data. */
export interface EventContract<TType extends string = string, TSchema extends z.ZodType = z.ZodType> {
  readonly type: TType;
  readonly version: number;
  readonly stream: StreamDefinition;
  readonly data: TSchema;
}

export function defineEvent<TType extends string, TSchema extends z.ZodType>(
  contract: EventContract<TType, TSchema>,
): EventContract<TType, TSchema> {
  return contract;
}

export type EventData<C extends EventContract> = z.infer<C['data']>;
export type EventOf<C extends EventContract> = Envelope<EventData<C>> & { type: C['type'] };

/** The subject an event of this contract is published on (before any deployment namespace). */
export function subjectOf(contract: EventContract): string {
  return `${contract.stream.subjectPrefix}.${contract.type}.v${contract.version}`;
}
