import { ServiceConfig } from '@complaints/config';
import { Telemetry } from '@complaints/telemetry';
import { DynamicModule, INestApplication, Injectable, Module, OnModuleInit } from '@nestjs/common';
import { CustomTransportStrategy, Server } from '@nestjs/microservices';
import { LoggerModule } from 'nestjs-pino';
import pino from 'pino';
import { bootstrapService } from '../src';

const steps: string[] = [];

/** Stands for the policy catalogue: ready only once it has caught up, which takes a while. */
@Injectable()
class SlowToCatchUp implements OnModuleInit {
  async onModuleInit(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    steps.push('caught up');
  }
}

/** A request-reply transport that notes when it starts taking requests. */
class RecordingTransport extends Server implements CustomTransportStrategy {
  listen(callback: () => void): void {
    steps.push('taking requests');
    callback();
  }
  close(): void {
    steps.push('closed');
  }
  on(): never {
    throw new Error('not used');
  }
  unwrap<T>(): T {
    throw new Error('not used');
  }
}

@Module({ imports: [LoggerModule.forRoot({ pinoHttp: { logger: pino({ level: 'silent' }) } })], providers: [SlowToCatchUp] })
class ServiceUnderTest {}

describe(bootstrapService.name, () => {
  let app: INestApplication | undefined;
  afterAll(async () => {
    await app?.close();
  });

  it('takes no request before every module has initialised', async () => {
    const config = { serviceName: 'test', port: 0, logLevel: 'silent' } as unknown as ServiceConfig;
    const telemetry = { shutdown: async () => undefined } as unknown as Telemetry;
    const module: DynamicModule = { module: ServiceUnderTest };
    app = await bootstrapService(module, config, telemetry, {
      host: '127.0.0.1',
      configure: (nest) => void nest.connectMicroservice({ strategy: new RecordingTransport() }),
    });
    expect(steps).toEqual(['caught up', 'taking requests']);
  });
});
