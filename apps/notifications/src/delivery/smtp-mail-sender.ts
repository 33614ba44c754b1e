import { createTransport, Transporter } from 'nodemailer';
import { MailSender, OutgoingMail } from './mail-sender';

/**
 * Email over SMTP with nodemailer, from `SMTP_URL` (`smtp://host:1025`, `smtps://user:pass@host:465`).
 * A small pool of connections is reused, so a burst of messages does not open one each.
 */
export class SmtpMailSender implements MailSender {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.transport = createTransport({
      url: smtpUrl,
      pool: true,
      maxConnections: 4,
      // A server that does not answer is a temporary failure, found out in seconds, not minutes.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transport.sendMail({
      from: this.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
      headers: { 'Content-Language': mail.locale, 'Auto-Submitted': 'auto-generated' },
    });
  }

  close(): void {
    this.transport.close();
  }
}
