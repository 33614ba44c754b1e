import { ReplyValue, RequestContract, RequestPayload, RpcProblem } from '@complaints/contracts';
import { SERVICE_CONFIG } from '@complaints/runtime';
import { Topology, TracedNatsClient, natsConnectionOptions } from '@complaints/messaging';
import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { TimeoutError, firstValueFrom, timeout } from 'rxjs';
import { GatewayConfig } from '../gateway-config';
import { ProblemError } from '../problems/problem-error';

const PROBLEM_STATUS: Record<RpcProblem['code'], { status: number; slug: string; title: string }> = {
  not_found: { status: 404, slug: 'not-found', title: 'Not found' },
  forbidden: { status: 403, slug: 'forbidden', title: 'Forbidden' },
  conflict: { status: 409, slug: 'conflict', title: 'Conflict' },
  invalid: { status: 422, slug: 'unprocessable', title: 'Unprocessable request' },
  unavailable: { status: 503, slug: 'unavailable', title: 'Service unavailable' },
};

/** Request-reply to backend services over NATS; a missing or slow service becomes a 503 problem. */
@Injectable()
export class ServiceRequester implements OnModuleDestroy {
  private readonly client: TracedNatsClient;

  constructor(@Inject(SERVICE_CONFIG) private readonly config: GatewayConfig, topology: Topology) {
    this.client = new TracedNatsClient(
      { ...natsConnectionOptions(config, 'gateway-requests'), waitOnFirstConnect: true, maxReconnectAttempts: -1 },
      topology,
    );
  }

  /** Sends one request of a contract and resolves to its reply value; a problem reply is thrown as its HTTP problem. */
  async request<C extends RequestContract>(contract: C, payload: RequestPayload<C>): Promise<ReplyValue<C>> {
    const { pattern } = contract;
    let reply: unknown;
    try {
      reply = await firstValueFrom(this.client.send(pattern, payload).pipe(timeout(this.config.requestTimeoutMs)));
    } catch (error) {
      const detail =
        error instanceof TimeoutError ? `no reply from ${pattern} in ${this.config.requestTimeoutMs} ms` : `${pattern} is not reachable`;
      throw new ProblemError(503, 'unavailable', 'Service unavailable', detail, [], { 'Retry-After': '1' });
    }
    const result = contract.result.parse(reply);
    if (result.ok) return result.value as ReplyValue<C>;
    const mapped = PROBLEM_STATUS[result.problem.code];
    throw new ProblemError(mapped.status, mapped.slug, mapped.title, result.problem.detail, result.problem.errors);
  }

  async onModuleDestroy(): Promise<void> {
    await this.client.close();
  }
}
