#!/usr/bin/env node
// npm run policy:what-if: replays past complaints under a draft policy through a running
// system's gateway (POST /v1/policies/what-if), page after page, and prints what would flip.
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';

export const USAGE = `usage: npm run policy:what-if -- --policy <draft.yaml|id@version> --from <instant> --to <instant> [options]
  --policy <file|id@version>  a draft policy document (YAML or JSON), or a published version such as mimo@2
  --from, --to <instant>      complaints received in [from, to), at most 90 days, e.g. 2026-11-01T00:00:00Z
  --url <gateway>             default http://127.0.0.1:3000
  --key <api key>             an admin key; default the COMPLAINTS_API_KEY environment variable
  --limit <n>                 complaints a page replays (the gateway's default 2,000, at most 100,000)`;

const OUTCOMES = ['met', 'breached', 'running', 'pending', 'cancelled', 'absent'];

class UsageError extends Error {}

/** A problem+json answer, said the way the gateway said it: its detail, then each field. */
class ProblemAnswer extends Error {
  constructor(status, body) {
    const fields = (body?.errors ?? []).map((error) => `\n  ${error.field}: ${error.message}`).join('');
    super(`HTTP ${status}: ${body?.detail ?? body?.title ?? 'no detail'}${fields}`);
  }
}

async function policyOf(reference) {
  const published = /^([a-z][a-z0-9-]*)@(\d+)$/.exec(reference);
  if (published) return { id: published[1], version: Number(published[2]) };
  const text = await readFile(reference, 'utf8').catch((error) => {
    throw new UsageError(`cannot read --policy ${reference}: ${error.message}`);
  });
  // YAML is a superset of JSON; the gateway validates the document and names every problem.
  return parseYaml(text);
}

function optionsOf(argv, env) {
  const { values } = parseArgs({
    args: argv,
    options: {
      policy: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      url: { type: 'string', default: 'http://127.0.0.1:3000' },
      key: { type: 'string' },
      limit: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return undefined;
  for (const name of ['policy', 'from', 'to'])
    if (!values[name]) throw new UsageError(`--${name} is required`);
  const key = values.key ?? env.COMPLAINTS_API_KEY;
  if (!key) throw new UsageError('an admin API key is required: --key or COMPLAINTS_API_KEY');
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  if (limit !== undefined && !Number.isInteger(limit))
    throw new UsageError(`--limit ${values.limit} is not a whole number`);
  return { ...values, key, limit, url: values.url.replace(/\/+$/, '') };
}

/** Every page of the replay, the counts added up, the flips in order. */
async function replay(options, policy, fetchImpl) {
  const total = {
    complaints: 0,
    metrics: new Map(),
    flips: [],
    policyId: undefined,
    version: undefined,
    evaluatedAt: undefined,
  };
  let cursor;
  do {
    const body = {
      policy,
      from: options.from,
      to: options.to,
      ...(options.limit ? { limit: options.limit } : {}),
      ...(cursor ? { cursor } : {}),
    };
    const response = await fetchImpl(`${options.url}/v1/policies/what-if`, {
      method: 'POST',
      headers: { authorization: `Bearer ${options.key}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const page = await response.json().catch(() => undefined);
    if (response.status !== 200) throw new ProblemAnswer(response.status, page);
    Object.assign(total, { policyId: page.policyId, version: page.version, evaluatedAt: page.evaluatedAt });
    total.complaints += page.complaints;
    for (const metric of page.metrics) {
      const sum = total.metrics.get(metric.metric) ?? {
        metric: metric.metric,
        actual: {},
        wouldBe: {},
        flipped: 0,
      };
      for (const outcome of OUTCOMES) {
        sum.actual[outcome] = (sum.actual[outcome] ?? 0) + metric.actual[outcome];
        sum.wouldBe[outcome] = (sum.wouldBe[outcome] ?? 0) + metric.wouldBe[outcome];
      }
      sum.flipped += metric.flipped;
      total.metrics.set(metric.metric, sum);
    }
    total.flips.push(...page.flips);
    cursor = page.nextCursor;
  } while (cursor);
  return total;
}

function table(rows) {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => String(row[column]).length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) => String(cell).padEnd(widths[column]))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** met/breached/running, and the rest only when there are some. */
const outcomesText = (counts) =>
  OUTCOMES.filter((outcome) => ['met', 'breached', 'running'].includes(outcome) || counts[outcome] > 0)
    .map((outcome) => `${counts[outcome]} ${outcome}`)
    .join(', ');

export function render(total) {
  const lines = [
    `What-if: ${total.complaints} complaints of policy ${total.policyId} replayed under version ${total.version}, open clocks judged at ${total.evaluatedAt}`,
    '',
    table([
      ['metric', 'actual', 'would be', 'flipped'],
      ...[...total.metrics.values()].map((metric) => [
        metric.metric,
        outcomesText(metric.actual),
        outcomesText(metric.wouldBe),
        metric.flipped,
      ]),
    ]),
    '',
  ];
  if (total.flips.length === 0) return [...lines, 'No complaint flips.', ''].join('\n');
  return [
    ...lines,
    `${total.flips.length} flipped:`,
    table([
      ['complaint', 'metric', 'actual', 'would be', 'actual due', 'actual met', 'would-be due'],
      ...total.flips.map((flip) => [
        flip.complaintId,
        flip.metric,
        flip.actual,
        flip.wouldBe,
        flip.actualDueAt ?? '-',
        flip.actualMetAt ?? '-',
        flip.wouldBeDueAt ?? '-',
      ]),
    ]),
    '',
  ].join('\n');
}

/** Runs the command; resolves to the exit code (0, 1 for a refused or failed replay, 2 for bad usage). */
export async function whatIf(argv, { env = process.env, out, err, fetch: fetchImpl = fetch }) {
  try {
    const options = optionsOf(argv, env);
    if (!options) {
      out(`${USAGE}\n`);
      return 0;
    }
    out(render(await replay(options, await policyOf(options.policy), fetchImpl)));
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error?.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      err(`${error.message}\n${USAGE}\n`);
      return 2;
    }
    err(`${error instanceof ProblemAnswer ? error.message : `the what-if failed: ${error.message}`}\n`);
    return 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await whatIf(process.argv.slice(2), {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  });
}
