import { MessageType } from '@complaints/domain';
import { PolicyDocument } from '@complaints/policy';
import { IntlMessageFormat } from 'intl-messageformat';
import { chooseLocale } from './choose-locale';
import { MessageFacts } from './message-facts';
import { BUILT_IN_TEMPLATES, MessageTemplate, SupportedLocale } from './message-templates';
import { htmlPart } from './html-part';

export interface ComposeInput {
  readonly type: MessageType;
  readonly facts: MessageFacts;
  readonly complaintId: string;
  readonly reference: string;
  readonly policy: Pick<PolicyDocument, 'id' | 'locales' | 'calendar' | 'notifications' | 'organisationId' | 'source' | 'name'>;
  /** The customer, for customer messages; absent for a team. */
  readonly customer?: { readonly name: string; readonly locale?: string | undefined };
  /** The agent's text recorded with the event, as intake gives it back. */
  readonly note: string | null;
  readonly survey: { readonly url: string; readonly expiresAt: string | null } | null;
}

export interface ComposedMessage {
  readonly locale: SupportedLocale;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** The policy's own text for this message failed to format, so the built-in text was used. */
  readonly overrideRejected: boolean;
}

type Args = Record<string, string | number>;

const compiled = new Map<string, IntlMessageFormat>();

function format(source: string, locale: SupportedLocale, args: Args): string {
  const key = `${locale}\u0000${source}`;
  let message = compiled.get(key);
  if (!message) {
    message = new IntlMessageFormat(source, locale);
    compiled.set(key, message);
  }
  return String(message.format(args));
}

function dateTime(iso: string, locale: SupportedLocale, zone: string, style: 'full' | 'medium'): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: style, timeStyle: 'short', timeZone: zone }).format(new Date(iso));
}

function organisationName(policy: ComposeInput['policy']): string {
  return policy.source?.organisation ?? policy.organisationId ?? policy.name;
}

function historyText(facts: MessageFacts, locale: SupportedLocale, zone: string): string {
  const steps = BUILT_IN_TEMPLATES[locale].steps;
  return (facts.history ?? [])
    .map(
      (step) =>
        `– ${format(steps[step.type], locale, {
          at: dateTime(step.at, locale, zone, 'medium'),
          responseType: step.responseType ?? 'update',
          expectedAt: step.expectedAt ? dateTime(step.expectedAt, locale, zone, 'medium') : '',
          levelName: step.levelName ?? '',
        })}`,
    )
    .join('\n');
}

function argumentsOf(input: ComposeInput, locale: SupportedLocale): Args {
  const { facts, policy } = input;
  const zone = policy.calendar.zone;
  const when = (iso: string | undefined) => (iso ? dateTime(iso, locale, zone, 'full') : '');
  return {
    name: input.customer?.name ?? '',
    reference: input.reference,
    organisation: organisationName(policy),
    complaintId: input.complaintId,
    policyId: policy.id,
    hasNote: input.note ? 'yes' : 'no',
    note: input.note ?? '',
    receivedAt: when(facts.receivedAt ?? facts.occurredAt),
    responseType: facts.responseType ?? 'update',
    expectedAt: when(facts.expectedAt),
    reason: facts.reason ?? 'other',
    level: facts.level ?? 1,
    levelName: facts.levelName ?? '',
    trigger: facts.trigger ?? 'other',
    metric: facts.metric ?? '',
    hasSurvey: input.survey ? 'yes' : 'no',
    surveyUrl: input.survey?.url ?? '',
    hasExpiry: input.survey?.expiresAt ? 'yes' : 'no',
    surveyExpiresAt: when(input.survey?.expiresAt ?? undefined),
    steps: historyText(facts, locale, zone),
  };
}

/**
 * The message for one delivery in the recipient's language: the policy's own text where it
 * has one for this locale and type, else the built-in template; plain text and HTML.
 */
export function composeMessage(input: ComposeInput): ComposedMessage {
  const locale = chooseLocale(input.customer?.locale, input.policy.locales);
  const args = argumentsOf(input, locale);
  const builtIn = BUILT_IN_TEMPLATES[locale].messages[input.type];
  const override = input.policy.notifications.templates[locale]?.[input.type];
  const render = (template: MessageTemplate) => ({ subject: format(template.subject, locale, args), text: format(template.text, locale, args) });
  let rendered = render(builtIn);
  let overrideRejected = false;
  if (override) {
    try {
      rendered = render({ subject: override.subject ?? builtIn.subject, text: override.text ?? builtIn.text });
    } catch {
      // A policy's text with a syntax error or an unknown argument must not stop the message.
      overrideRejected = true;
    }
  }
  // The reference is in every subject, whatever a policy's own subject says.
  const subject = rendered.subject.includes(input.reference) ? rendered.subject : `${rendered.subject} [${input.reference}]`;
  return { locale, subject, text: rendered.text, html: htmlPart(locale, subject, rendered.text), overrideRejected };
}
