/** How a failed attempt counts: `temporary` is tried again later, `refused` never. */
export interface SendFailure {
  readonly errorClass: 'temporary' | 'refused';
  /** The SMTP reply code, when the server answered. */
  readonly code: number | null;
}

/**
 * A mail server's 5xx is its final word (no such mailbox, message refused): retrying would
 * be refused again. A 4xx (mailbox busy, greylisting, rate limit), a refused or dropped
 * connection, a timeout: the next attempt may well succeed. A message nodemailer cannot
 * even address (EENVELOPE without a reply) is refused too.
 */
export function classifySendFailure(error: unknown): SendFailure {
  const { responseCode, code } = (error ?? {}) as { responseCode?: unknown; code?: unknown };
  if (typeof responseCode === 'number') {
    return { errorClass: responseCode >= 500 ? 'refused' : 'temporary', code: responseCode };
  }
  return { errorClass: code === 'EENVELOPE' ? 'refused' : 'temporary', code: null };
}
