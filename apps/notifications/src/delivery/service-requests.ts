import { ReplyValue, RequestContract, RequestPayload, RpcProblem } from '@complaints/contracts';
import { Topology, TracedNatsClient, natsConnectionOptions } from '@complaints/messaging';
import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { SERVICE_CONFIG } from '@complaints/runtime';
import { firstValueFrom, timeout } from 'rxjs';
import { NotificationsConfig } from '../notifications-config';

/** Another service did not answer, or answered with a problem: the attempt is tried again later. */
export class ServiceRequestFailed extends Error {
  override readonly name = 'ServiceRequestFailed';

  constructor(
    message: string,
    /** The problem the service answered with; null when it did not answer. */
    readonly problem: RpcProblem['code'] | null = null,
  ) {
    super(message);
  }
}

const REQUEST_TIMEOUT_MS = 5000;

/**
 * Request-reply to intake (the customer's contact, at the moment of sending) and feedback
 * (a survey's link), typed by their contracts. The failure message names the subject and the
 * problem code only: the reply may hold personal data, the error never does.
 */
@Injectable()
export class ServiceRequests implements OnModuleDestroy {
  private readonly client: TracedNatsClient;

  constructor(@Inject(SERVICE_CONFIG) config: NotificationsConfig, topology: Topology) {
    this.client = new TracedNatsClient(
      { ...natsConnectionOptions(config, 'notifications-requests'), waitOnFirstConnect: true, maxReconnectAttempts: -1 },
      topology,
    );
  }

  async request<C extends RequestContract>(contract: C, payload: RequestPayload<C>): Promise<ReplyValue<C>> {
    let reply: unknown;
    try {
      reply = await firstValueFrom(this.client.send(contract.pattern, payload).pipe(timeout(REQUEST_TIMEOUT_MS)));
    } catch {
      throw new ServiceRequestFailed(`${contract.pattern} did not answer`);
    }
    const result = contract.result.safeParse(reply);
    if (!result.success) throw new ServiceRequestFailed(`${contract.pattern} answered something unreadable`);
    if (!result.data.ok) throw new ServiceRequestFailed(`${contract.pattern} answered ${result.data.problem.code}`, result.data.problem.code);
    return result.data.value as ReplyValue<C>;
  }

  async onModuleDestroy(): Promise<void> {
    await this.client.close();
  }
}
