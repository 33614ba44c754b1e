import { FeedbackRequests, IntakeRequests } from '@complaints/contracts';
import { PolicyCatalog } from '@complaints/policy-catalog';
import { SERVICE_CONFIG } from '@complaints/runtime';
import { Inject, Injectable } from '@nestjs/common';
import { ComposeInput, composeMessage } from '../messages/compose-message';
import { NotificationsConfig } from '../notifications-config';
import { FailedAttempt } from './attempt-outcome';
import { classifySendFailure } from './classify-send-failure';
import { Delivery } from './delivery';
import { MAIL_SENDER, MailSender } from './mail-sender';
import { ServiceRequestFailed, ServiceRequests } from './service-requests';

export type AttemptOutcome =
  | { readonly ok: true; readonly locale: string; readonly overrideRejected: boolean }
  | ({ readonly ok: false } & FailedAttempt);

interface Addressed {
  readonly to: string;
  readonly customer?: ComposeInput['customer'];
  readonly note: string | null;
}

/**
 * One attempt at one delivery: who to write to and what, found at this moment (the customer's
 * address, name, language and the agent's text from intake; a survey's link from feedback),
 * written, and handed to the mail server. Nothing it reads is kept.
 */
@Injectable()
export class AttemptDelivery {
  private readonly messageIdDomain: string;

  constructor(
    private readonly requests: ServiceRequests,
    @Inject(MAIL_SENDER) private readonly mail: MailSender,
    private readonly policies: PolicyCatalog,
    @Inject(SERVICE_CONFIG) config: NotificationsConfig,
  ) {
    this.messageIdDomain = /@([^>\s]+)/.exec(config.mailFrom)?.[1] ?? 'localhost';
  }

  async execute(delivery: Delivery): Promise<AttemptOutcome> {
    const policy = this.policies.registry.require(delivery.policyId, delivery.policyVersion);
    let addressed: Addressed | null;
    let survey: ComposeInput['survey'] = null;
    try {
      addressed = await this.address(delivery, policy.notifications.teamAddresses);
      if (addressed && delivery.facts.surveyId) {
        const link = await this.requests.request(FeedbackRequests.getSurveyLink, { surveyId: delivery.facts.surveyId });
        survey = { url: link.url, expiresAt: link.expiresAt };
      }
    } catch (error) {
      if (!(error instanceof ServiceRequestFailed)) throw error;
      return { ok: false, errorClass: 'temporary', code: null, locale: null };
    }
    if (!addressed) return { ok: false, errorClass: 'no_address', code: null, locale: null };

    const message = composeMessage({
      type: delivery.messageType,
      facts: delivery.facts,
      complaintId: delivery.complaintId,
      reference: delivery.reference,
      policy,
      customer: addressed.customer,
      note: addressed.note,
      survey,
    });
    try {
      await this.mail.send({
        messageId: `<${delivery.id}@${this.messageIdDomain}>`,
        to: addressed.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        locale: message.locale,
      });
    } catch (error) {
      return { ok: false, ...classifySendFailure(error), locale: message.locale };
    }
    return { ok: true, locale: message.locale, overrideRejected: message.overrideRejected };
  }

  /** Where the message goes, or null when there is nowhere: a customer without email, a role without a mailbox. */
  private async address(delivery: Delivery, teamAddresses: Readonly<Record<string, string>>): Promise<Addressed | null> {
    if (delivery.recipient.kind === 'team') {
      const to = teamAddresses[delivery.recipient.role];
      return to ? { to, note: null } : null;
    }
    let contact;
    try {
      contact = await this.requests.request(IntakeRequests.getCustomerContact, {
        requestedBy: 'notifications',
        purpose: `email: ${delivery.messageType}`,
        complaintId: delivery.complaintId,
        eventId: delivery.facts.noteEventId,
      });
    } catch (error) {
      // Intake no longer holds the customer's contact (erased at their request): nobody to write to.
      if (error instanceof ServiceRequestFailed && error.problem === 'not_found') return null;
      throw error;
    }
    const { email, name, locale } = contact.customer;
    return email ? { to: email, customer: { name, locale }, note: contact.note } : null;
  }
}
