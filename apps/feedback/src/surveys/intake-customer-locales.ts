import { IntakeRequests } from '@complaints/contracts';
import { NatsSettings, Topology, TracedNatsClient, natsConnectionOptions } from '@complaints/messaging';
import { OnModuleDestroy } from '@nestjs/common';
import { firstValueFrom, timeout } from 'rxjs';
import { CustomerLocaleLookup, CustomerLocales } from './customer-locales';

/**
 * Asks intake for the customer's contact over request-reply and keeps only the locale:
 * feedback stores no contact data. Intake records the read (who, why, which complaint).
 */
export class IntakeCustomerLocales implements CustomerLocales, OnModuleDestroy {
  private readonly client: TracedNatsClient;

  constructor(nats: NatsSettings, topology: Topology, private readonly timeoutMs: number) {
    this.client = new TracedNatsClient(
      { ...natsConnectionOptions(nats, 'feedback-requests'), waitOnFirstConnect: true, maxReconnectAttempts: -1 },
      topology,
    );
  }

  async localeOf(complaintId: string): Promise<CustomerLocaleLookup> {
    const contract = IntakeRequests.getCustomerContact;
    let reply: unknown;
    try {
      reply = await firstValueFrom(
        this.client
          .send(contract.pattern, { requestedBy: 'feedback', purpose: 'the language of the satisfaction survey', complaintId })
          .pipe(timeout(this.timeoutMs)),
      );
    } catch {
      return { status: 'unavailable', detail: `no reply from ${contract.pattern} in ${this.timeoutMs} ms` };
    }
    const result = contract.result.safeParse(reply);
    if (!result.success) return { status: 'unavailable', detail: `${contract.pattern} answered something unexpected` };
    if (result.data.ok) return { status: 'found', locale: result.data.value.customer.locale };
    const { problem } = result.data;
    return problem.code === 'not_found'
      ? { status: 'unknown-complaint', detail: problem.detail }
      : { status: 'unavailable', detail: `${contract.pattern}: ${problem.code}: ${problem.detail}` };
  }

  async onModuleDestroy(): Promise<void> {
    await this.client.close();
  }
}
