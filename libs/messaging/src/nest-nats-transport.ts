import { withSpan } from '@complaints/telemetry';
import { ClientNats, MsPattern, NatsOptions, ServerNats } from '@nestjs/microservices';
import { SpanKind } from '@opentelemetry/api';
import { Msg, MsgHdrs, headers as createHeaders } from 'nats';
import { Topology } from './topology';
import { extractTraceContext, injectTraceContext } from './trace-context';

type NestNatsOptions = Required<NatsOptions>['options'];

/**
 * NestJS's NATS request-reply server, extended with what the platform needs on every
 * request: the deployment namespace on subjects and a server span continuing the caller's trace.
 */
export class TracedNatsServer extends ServerNats {
  constructor(
    options: NestNatsOptions,
    private readonly topology: Topology,
  ) {
    super(options);
  }

  override addHandler(
    pattern: MsPattern,
    callback: Parameters<ServerNats['addHandler']>[1],
    isEventHandler?: boolean,
    extras?: Record<string, unknown>,
  ): void {
    // Nest's own normalisation first, so object patterns route exactly as they would unprefixed.
    super.addHandler(this.topology.subject(this.normalizePattern(pattern)), callback, isEventHandler, extras);
  }

  override async handleMessage(channel: string, natsMsg: Msg): Promise<unknown> {
    return withSpan(
      'messaging',
      `handle ${channel}`,
      {
        kind: SpanKind.SERVER,
        parent: extractTraceContext(natsMsg.headers),
        attributes: { 'messaging.system': 'nats', 'messaging.destination.name': channel },
      },
      () => super.handleMessage(channel, natsMsg),
    );
  }
}

/** The client side: same namespace, and the caller's trace context in the request headers. */
export class TracedNatsClient extends ClientNats {
  constructor(
    options: NestNatsOptions,
    private readonly topology: Topology,
  ) {
    super(options);
  }

  protected override normalizePattern(pattern: MsPattern): string {
    return this.topology.subject(super.normalizePattern(pattern));
  }

  protected override mergeHeaders<THeaders = MsgHdrs>(requestHeaders?: THeaders): MsgHdrs {
    const merged: MsgHdrs = (super.mergeHeaders(requestHeaders) as MsgHdrs | undefined) ?? createHeaders();
    return injectTraceContext(merged);
  }
}

