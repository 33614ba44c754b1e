// SMTP for notifications: SMTP_URL when set, else a local mail catcher (maildev) with a web
// UI, so a new user sees every email the services send in a browser.

import { mkdirSync } from 'node:fs';
import { portFree } from './ports.mjs';

/** Where a mail catcher conventionally listens; free ports instead when these are taken. */
export const CATCHER_SMTP_PORT = 1025;
export const CATCHER_WEB_PORT = 1080;

/**
 * @typedef {{ label: string, smtpUrl: string, webUrl: string | null, stop: () => Promise<void> }} MailServer
 */

/**
 * What to send mail to: the user's server when SMTP_URL is set (nothing started), else a catcher.
 * Pure, unit tested in mail.test.mjs.
 * @param {NodeJS.ProcessEnv} env
 * @returns {{ kind: 'given', smtpUrl: string } | { kind: 'catcher' }}
 */
export function mailPlan(env) {
  const given = env.SMTP_URL?.trim();
  return given ? { kind: 'given', smtpUrl: given } : { kind: 'catcher' };
}

/**
 * @param {{ env: NodeJS.ProcessEnv, mailDir: string }} input
 * @returns {Promise<MailServer>}
 */
export async function resolveMail({ env, mailDir }) {
  const plan = mailPlan(env);
  if (plan.kind === 'given') {
    return { label: 'SMTP_URL from your environment', smtpUrl: plan.smtpUrl, webUrl: null, stop: async () => undefined };
  }
  mkdirSync(mailDir, { recursive: true });
  // maildev 3 is ESM only, and loaded only when it is used.
  const { MailDev } = await import('maildev');
  const smtp = (await portFree(CATCHER_SMTP_PORT)) ? CATCHER_SMTP_PORT : 0;
  const web = (await portFree(CATCHER_WEB_PORT)) ? CATCHER_WEB_PORT : 0;
  // Both addresses set, or maildev listens on every interface: the mail holds customers' data.
  const maildev = new MailDev({ smtp, ip: '127.0.0.1', web, webIp: '127.0.0.1', silent: true, mailDirectory: mailDir });
  const servers = await maildev.start();
  const smtpPort = servers.smtp.getPort();
  const webPort = servers.api.getPort();
  return {
    label: 'mail catcher (maildev) started by npm start',
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    webUrl: `http://127.0.0.1:${webPort}`,
    stop: () => maildev.stop(),
  };
}
