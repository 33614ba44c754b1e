import { ServiceConfig } from '@complaints/config';
import { SERVICE_BUS_ACCESS, ServiceName, TracedNatsClient, answeredRequests } from '@complaints/messaging';
import { testInfrastructure } from '@complaints/testing';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { PATTERN_METADATA } from '@nestjs/microservices/constants';
import { firstValueFrom, timeout } from 'rxjs';
import { ServiceEnvSchema, TestService, TestServiceDefinition, startTestService } from './start-test-service';

/** What a service does on NATS that its NATS user must be allowed: its durable consumers and the requests it answers. */
interface BusAccess {
  readonly consumes: readonly { readonly stream: string; readonly durable: string }[];
  readonly answers: readonly string[];
}

/**
 * What the NATS access table (libs/messaging/src/nats-permissions.ts), from which the deployed
 * NATS users are generated, grants a service: its durable consumers and the requests it answers.
 * An app's spec compares it with `observedBusAccess` of the running app, so a durable or an
 * answer the table lacks (refused in a deployment) or keeps after the code dropped it fails there.
 */
function declaredBusAccess(service: ServiceName): BusAccess {
  return sorted({
    consumes: SERVICE_BUS_ACCESS[service].consumes.map(({ stream, durable }) => ({ stream: stream.name, durable })),
    answers: answeredRequests(service).map((contract) => contract.pattern),
  });
}

/**
 * The spec of an app's `test/bus-access.int.spec.ts`: the service, started as its `main.ts`
 * starts it, does on NATS exactly what the access table grants its NATS user.
 */
export function describeBusAccess<S extends ServiceEnvSchema, C extends ServiceConfig>(
  service: ServiceName,
  definition: TestServiceDefinition<S, C>,
): void {
  describe(`${service} on the bus`, () => {
    let running: TestService<C> | undefined;

    beforeAll(async () => {
      running = await startTestService(definition);
    }, 60_000);
    afterAll(() => running?.close());

    it('creates exactly the durable consumers and answers exactly the requests the NATS access table grants it', async () => {
      if (!running) throw new Error(`${service} did not start`);
      expect(await observedBusAccess(running)).toEqual(declaredBusAccess(service));
    });
  });
}

/**
 * What the running service does: the durable consumers it created on its namespace's streams,
 * and the patterns its controllers subscribe (`@Answers`) that a request really gets an answer on.
 */
async function observedBusAccess(service: TestService<ServiceConfig>): Promise<BusAccess> {
  const { natsUrl } = await testInfrastructure();
  const client = new TracedNatsClient({ servers: natsUrl.split(','), name: 'bus-access-test' }, service.bus.topology);
  try {
    const answered: string[] = [];
    for (const pattern of subscribedPatterns(service.app)) {
      if (await getsAnAnswer(client, pattern)) answered.push(pattern);
    }
    return sorted({ consumes: await service.bus.durableConsumers(), answers: answered });
  } finally {
    await client.close();
  }
}

/** Every message pattern a controller method of the application is decorated with, as Nest subscribes them. */
function subscribedPatterns(app: INestApplication): string[] {
  const patterns = new Set<string>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const { metatype } of module.controllers.values()) {
      const prototype: object = metatype?.prototype ?? {};
      for (const key of Object.getOwnPropertyNames(prototype)) {
        const method: unknown = Object.getOwnPropertyDescriptor(prototype, key)?.value;
        const found: unknown = typeof method === 'function' ? Reflect.getMetadata(PATTERN_METADATA, method) : undefined;
        if (Array.isArray(found))
          found.filter((pattern) => typeof pattern === 'string').forEach((pattern) => patterns.add(pattern));
      }
    }
  }
  return [...patterns];
}

/** Any reply counts, a refusal of the empty request included: something answers on the subject. */
async function getsAnAnswer(client: TracedNatsClient, pattern: string): Promise<boolean> {
  try {
    await firstValueFrom(client.send(pattern, {}).pipe(timeout(5_000)));
    return true;
  } catch {
    return false;
  }
}

function sorted(access: BusAccess): BusAccess {
  return {
    consumes: [...access.consumes].sort((a, b) => `${a.stream}.${a.durable}`.localeCompare(`${b.stream}.${b.durable}`)),
    answers: [...access.answers].sort(),
  };
}
