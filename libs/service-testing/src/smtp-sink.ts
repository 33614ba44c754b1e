import { waitFor } from '@complaints/testing';
import { simpleParser } from 'mailparser';
import { AddressInfo } from 'node:net';
import { SMTPServer, SMTPServerAddress } from 'smtp-server';

/** One email as the sink received and parsed it. */
export interface ReceivedMail {
  readonly messageId: string;
  readonly to: readonly string[];
  readonly from: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** The `Content-Language` header. */
  readonly language: string | undefined;
}

/**
 * A real SMTP server in the test process (`smtp-server`, every message parsed with
 * `mailparser`): it can go down and come back on the same port, and refuse recipients with a
 * permanent 5xx, as a mail server would.
 */
export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  private readonly refused: { readonly pattern: RegExp; readonly code: number }[] = [];
  private server: SMTPServer | undefined;

  private constructor(private port: number) {}

  static async start(): Promise<SmtpSink> {
    const sink = new SmtpSink(0);
    await sink.up();
    return sink;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Every later message to a matching address is refused for good (e.g. 550 no such mailbox). */
  refuse(pattern: RegExp, code = 550): void {
    this.refused.push({ pattern, code });
  }

  /** The server stops listening: connections are refused until `up()`. */
  async down(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Listens again, on the port it had. */
  async up(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      // Going down drops the connections a client keeps open, as a stopped server would.
      closeTimeout: 50,
      onRcptTo: (address: SMTPServerAddress, _session, callback) => {
        const refusal = this.refused.find(({ pattern }) => pattern.test(address.address));
        if (!refusal) return callback();
        return callback(Object.assign(new Error(`${address.address}: no such mailbox`), { responseCode: refusal.code }));
      },
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            const to = [mail.to ?? []].flat().flatMap((address) => address.value.map((entry) => entry.address ?? ''));
            this.received.push({
              messageId: mail.messageId ?? '',
              to,
              from: mail.from?.text ?? '',
              subject: mail.subject ?? '',
              text: mail.text ?? '',
              html: typeof mail.html === 'string' ? mail.html : '',
              language: mail.headers.get('content-language')?.toString(),
            });
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
  }

  mailsTo(address: string): ReceivedMail[] {
    return this.received.filter((mail) => mail.to.includes(address));
  }

  /** Waits until `address` has received at least `count` messages, and returns them all. */
  waitForMails(address: string, count: number, timeoutMs = 15_000): Promise<ReceivedMail[]> {
    return waitFor(`${count} email(s) to ${address}`, () => {
      const mails = this.mailsTo(address);
      return mails.length >= count ? mails : undefined;
    }, timeoutMs);
  }

  stop(): Promise<void> {
    return this.down();
  }
}
