import { PolicyPublishedV1, STREAMS, envelopeSchema } from '@complaints/contracts';
import { Topology, ensureStream } from '@complaints/messaging';
import { BUILT_IN_POLICY_IDS, PolicyRegistry, builtInPolicies } from '@complaints/policy';
import { ConsumerMessages, JetStreamClient, JetStreamManager, JsMsg } from 'nats';
import { Logger } from 'pino';

/**
 * The policies a service runs: the built-ins shipped with the code, plus every version
 * published at runtime, read from the POLICIES stream from its first message and then
 * followed live (ADR 0021). `start()` resolves once the service has caught up, so no
 * complaint is handled with a policy missing.
 */
export class PolicyCatalog {
  readonly registry = new PolicyRegistry(builtInPolicies());
  private readonly fromStream = new Set<string>();
  private messages: ConsumerMessages | undefined;
  private following: Promise<void> | undefined;

  constructor(
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    private readonly topology: Topology,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    await ensureStream(this.jsm, this.topology, STREAMS.policies);
    const streamName = this.topology.streamName(STREAMS.policies);
    const { state } = await this.jsm.streams.info(streamName);
    // An ordered consumer (no name) is ephemeral and in memory, and starts at the first
    // message: each replica reads the whole stream itself.
    const consumer = await this.js.consumers.get(streamName);
    this.messages = await consumer.consume();
    let caughtUp: () => void = () => undefined;
    const ready = new Promise<void>((resolve) => (caughtUp = resolve));
    if (state.messages === 0) caughtUp();
    const messages = this.messages;
    this.following = (async () => {
      for await (const message of messages) {
        this.apply(message);
        if (message.info.pending === 0) caughtUp();
      }
    })();
    await ready;
  }

  async stop(): Promise<void> {
    this.messages?.stop();
    await this.following;
  }

  isBuiltIn(policyId: string): boolean {
    return (BUILT_IN_POLICY_IDS as readonly string[]).includes(policyId);
  }

  /** Whether this version has reached the stream, so publishing it again is unnecessary. */
  seenOnStream(policyId: string, version: number): boolean {
    return this.fromStream.has(`${policyId}@${version}`);
  }

  /**
   * Runs a version as it was published. What was published is the record: it wins over a
   * built-in file edited without a new version, and the operator is told to version the edit.
   */
  pinPublished(document: unknown, digest: string): void {
    const pinned = this.registry.pin(document);
    if (pinned.outcome !== 'replaced') return;
    this.logger.error(
      { policyId: pinned.policy.id, version: pinned.policy.version, digest },
      'the built-in policy file differs from the version as published; the published one stays in force: give the change a new version',
    );
  }

  private apply(message: JsMsg): void {
    try {
      const envelope = envelopeSchema.parse(message.json());
      if (envelope.type !== PolicyPublishedV1.type || envelope.version !== PolicyPublishedV1.version) return;
      const data = PolicyPublishedV1.data.parse(envelope.data);
      this.pinPublished(data.document, data.digest);
      this.fromStream.add(`${data.policyId}@${data.policyVersion}`);
    } catch (error) {
      // A version this code cannot read (or that contradicts one it has) must not stop the
      // service from following later versions; an operator sees it in the log.
      this.logger.error({ err: error, seq: message.seq }, 'policy event could not be applied');
    }
  }
}
