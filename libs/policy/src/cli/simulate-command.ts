import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DomainError } from '@complaints/domain';
import { type ClockFactsInput, parseClockFacts } from '../planning/clock-facts';
import { clockPlanToJson } from '../planning/clock-plan';
import { planClocksForFacts } from '../planning/plan-clocks';
import type { PolicyDocument } from '../schema/policy-document.schema';
import { BUILT_IN_POLICY_IDS, builtInPolicies } from '../seeds/built-in-policies';
import { loadPolicyFile } from '../seeds/policy-file';
import { renderClockPlan } from './render-clock-plan';

export const SIMULATE_USAGE = `usage: npm run policy:simulate -- --policy <id|file.yaml> --received <ISO instant> [options]
  --policy <id|file>          built-in id (${BUILT_IN_POLICY_IDS.join(', ')}) or a policy YAML/JSON file
  --received <instant>        e.g. 2026-12-31T16:30:00+07:00
  --kind <complaint|inquiry>  default complaint
  --channel <channel>         email, phone, chat, web, in_person; default the policy's first channel
  --category <name>           product category, for clocks that name one
  --first-contact <instant>   --upgraded <instant>   --third-party   --authorised <instant>
  --information-requested <instant>   --survey-sent <instant>
  --pause <from,to[,reason]>  repeatable; leave "to" empty for a pause still going on;
                              reason awaiting_customer (default) or awaiting_authorization
  --event <event,instant>     repeatable; a clock event seen, e.g. update_sent,2026-10-25T09:00:00+01:00
                              (a recurring clock starts a new span on each of its restart events)
  --expected-date <date|instant>   --json`;

class UsageError extends Error {}

export interface SimulateOutput {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

function loadPolicy(reference: string): PolicyDocument {
  const builtIn = builtInPolicies().find((policy) => policy.id === reference);
  if (builtIn) return builtIn;
  if (/\.(ya?ml|json)$/.test(reference) && existsSync(reference)) return loadPolicyFile(reference);
  throw new UsageError(
    `unknown policy "${reference}": use one of ${BUILT_IN_POLICY_IDS.join(', ')} or a YAML/JSON file`,
  );
}

function parsePause(text: string): NonNullable<ClockFactsInput['pauses']>[number] {
  const [from, to, reason, ...rest] = text.split(',').map((part) => part.trim());
  if (!from || rest.length > 0) throw new UsageError(`--pause "${text}" is not from,to[,reason]`);
  if (reason !== undefined && reason !== 'awaiting_customer' && reason !== 'awaiting_authorization') {
    throw new UsageError(`--pause reason "${reason}" is not awaiting_customer or awaiting_authorization`);
  }
  return { from, ...(to ? { to } : {}), ...(reason ? { reason } : {}) };
}

/** The event name is checked with the other facts, so an unknown one is reported like any other. */
function parseEvent(text: string): { event: string; at: string } {
  const [event, at, ...rest] = text.split(',').map((part) => part.trim());
  if (!event || !at || rest.length > 0) throw new UsageError(`--event "${text}" is not event,instant`);
  return { event, at };
}

function run(argv: readonly string[], output: SimulateOutput): void {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      policy: { type: 'string' },
      received: { type: 'string' },
      kind: { type: 'string', default: 'complaint' },
      channel: { type: 'string' },
      category: { type: 'string' },
      'first-contact': { type: 'string' },
      upgraded: { type: 'string' },
      'third-party': { type: 'boolean' },
      authorised: { type: 'string' },
      'information-requested': { type: 'string' },
      'survey-sent': { type: 'string' },
      pause: { type: 'string', multiple: true },
      event: { type: 'string', multiple: true },
      'expected-date': { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    output.out(`${SIMULATE_USAGE}\n`);
    return;
  }
  if (!values.policy) throw new UsageError('--policy is required');
  if (!values.received) throw new UsageError('--received is required');
  const policy = loadPolicy(values.policy);
  const input = {
    kind: values.kind,
    channel: values.channel ?? policy.intake.channels[0],
    category: values.category,
    receivedAt: values.received,
    firstContactAt: values['first-contact'],
    upgradedAt: values.upgraded,
    thirdParty: values['third-party'],
    authorisationVerifiedAt: values.authorised,
    informationRequestedAt: values['information-requested'],
    surveySentAt: values['survey-sent'],
    pauses: (values.pause ?? []).map(parsePause),
    expectedDate: values['expected-date'],
    events: (values.event ?? []).map(parseEvent),
  };
  const defined = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
  const facts = parseClockFacts(defined);
  const plan = planClocksForFacts(policy, facts);
  output.out(
    values.json ? `${JSON.stringify(clockPlanToJson(plan), null, 2)}\n` : renderClockPlan(plan, facts),
  );
}

/** Duck-typed: node's errors may come from another realm (under jest) where instanceof fails. */
function isParseArgsError(error: unknown): error is Error {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

/** Runs the simulator; returns the exit code (2 for any bad input, with one line on stderr). */
export function simulate(argv: readonly string[], output: SimulateOutput): number {
  try {
    run(argv, output);
    return 0;
  } catch (error) {
    if (!(error instanceof UsageError || error instanceof DomainError || isParseArgsError(error)))
      throw error;
    output.err(`error: ${error.message.split('\n')[0]}\n`);
    return 2;
  }
}
