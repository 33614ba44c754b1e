/** One email as handed to the mail server. */
export interface OutgoingMail {
  /** `<delivery id@sender's domain>`: the same on every attempt, so a receiver can tell a repeat. */
  readonly messageId: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly locale: string;
}

/** Hands mail to a server; a failure rejects with what the server said, classified by `classifySendFailure`. */
export interface MailSender {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export const MAIL_SENDER = Symbol('MailSender');
