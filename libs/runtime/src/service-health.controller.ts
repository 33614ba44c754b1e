import { MikroORM } from '@mikro-orm/postgresql';
import { Controller, Get, Inject, Optional } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { NatsConnection } from 'nats';
import { NATS_CONNECTION } from './tokens';

const PROBE_TIMEOUT_MS = 1000;

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} did not answer in ${PROBE_TIMEOUT_MS} ms`)), PROBE_TIMEOUT_MS)),
  ]);
}

/**
 * Liveness says the process can serve; readiness says its dependencies answer, so an
 * orchestrator stops routing to a replica that lost PostgreSQL or NATS.
 */
@Controller('health')
export class ServiceHealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
    /** Absent in a service without a database of its own, such as the gateway. */
    @Optional() private readonly orm?: MikroORM,
  ) {}

  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  @Get(['ready', ''])
  @HealthCheck()
  ready() {
    const { orm } = this;
    return this.health.check([...(orm ? [() => this.checkPostgres(orm)] : []), () => this.checkNats()]);
  }

  private async checkPostgres(orm: MikroORM) {
    const indicator = this.indicators.check('postgres');
    try {
      await withTimeout(orm.em.getConnection().execute('select 1'), 'PostgreSQL');
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }

  private async checkNats() {
    const indicator = this.indicators.check('nats');
    try {
      if (this.nats.isClosed()) throw new Error('connection closed');
      // A PING/PONG round trip: fails while the client is reconnecting.
      await withTimeout(this.nats.flush(), 'NATS');
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}
