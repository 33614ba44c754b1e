import type { ClockAnchor } from '../schema/policy-vocabulary';
import type { ClockFacts } from './clock-facts';

export type AnchorInstant =
  | { readonly started: true; readonly at: number; readonly label: string }
  | { readonly started: false; readonly waitingFor: string };

/** How a rule names its anchor: "within 5 days of <phrase>". */
export const ANCHOR_PHRASES: Record<ClockAnchor, string> = {
  receipt: 'receipt',
  first_contact: 'first contact',
  upgrade: 'the upgrade to a formal complaint',
  authorisation: "verification of the customer's written authorisation",
  information_request: 'a request for information',
  survey_sent: 'the satisfaction survey being sent',
};

function started(at: number, label: string): AnchorInstant {
  return { started: true, at, label };
}

/** The instant a formal complaint began: its upgrade, or its own receipt. */
export function complaintStart(facts: ClockFacts): number | undefined {
  if (facts.upgradedAt !== undefined) return facts.upgradedAt;
  return facts.kind === 'complaint' ? facts.receivedAt : undefined;
}

/** When a clock anchored at `anchor` starts for these facts, or what it still waits for. */
export function resolveAnchor(anchor: ClockAnchor, facts: ClockFacts): AnchorInstant {
  switch (anchor) {
    case 'receipt':
      return started(facts.receivedAt, 'receipt');
    case 'first_contact':
      return facts.firstContactAt !== undefined
        ? started(facts.firstContactAt, 'first contact')
        : started(facts.receivedAt, 'first contact (none given, so the receipt)');
    case 'upgrade': {
      if (facts.upgradedAt !== undefined)
        return started(facts.upgradedAt, 'the upgrade to a formal complaint');
      const at = complaintStart(facts);
      return at === undefined
        ? { started: false, waitingFor: 'the upgrade to a formal complaint' }
        : started(at, 'receipt of the complaint');
    }
    case 'authorisation':
      if (facts.authorisationVerifiedAt !== undefined) {
        return started(facts.authorisationVerifiedAt, "verification of the customer's written authorisation");
      }
      return facts.thirdParty
        ? { started: false, waitingFor: "verification of the customer's written authorisation" }
        : started(facts.receivedAt, 'receipt (no third party, so no authorisation to wait for)');
    case 'information_request':
      return facts.informationRequestedAt !== undefined
        ? started(facts.informationRequestedAt, 'the request for information')
        : { started: false, waitingFor: 'a request for information to the customer' };
    case 'survey_sent':
      return facts.surveySentAt !== undefined
        ? started(facts.surveySentAt, 'the satisfaction survey being sent')
        : { started: false, waitingFor: 'the satisfaction survey to be sent' };
  }
}
