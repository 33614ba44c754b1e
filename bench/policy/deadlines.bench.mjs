// Deadlines per second on one core for the policy engine, next to the machine's own ceiling
// measured in the same run. Not a test: run it on a quiet machine.
//
//   npx nx run @complaints/policy:build && npx node bench/policy/deadlines.bench.mjs
//
// Options (env): BENCH_OPS (default 1000000 per round), BENCH_ROUNDS (default 5).
import { BusinessCalendar, builtInPolicy, planClocks } from '@complaints/policy';
import { DateTime } from 'luxon';
import { cpus } from 'node:os';

const OPS = Number(process.env.BENCH_OPS ?? 1_000_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

// Deterministic pseudo-random start instants over 2026–2027 (minute resolution).
let seed = 42;
function random() {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
}
const FROM = Date.parse('2026-01-01T00:00:00Z');
const SPAN_MINUTES = 2 * 365 * 24 * 60;
const starts = Float64Array.from({ length: OPS }, () => FROM + Math.floor(random() * SPAN_MINUTES) * 60_000);
const hours = Float64Array.from({ length: OPS }, () => 1 + Math.floor(random() * 16));

function measure(label, ops, body) {
  const rates = [];
  let checksum = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const started = process.hrtime.bigint();
    checksum += body();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    rates.push(ops / seconds);
  }
  rates.sort((a, b) => a - b);
  const median = rates[Math.floor(rates.length / 2)];
  return { label, median, best: rates.at(-1), checksum };
}

/** One deadline per start instant on a built-in policy's calendar. */
function deadlines(policyId, what, deadline) {
  const calendar = BusinessCalendar.of(builtInPolicy(policyId).calendar);
  // Builds the months the run touches before timing: the figure is the steady state.
  deadline(calendar, FROM, 0);
  deadline(calendar, Date.parse('2027-12-31T23:00:00Z'), 0);
  return measure(`${what}, ${policyId} (${calendar.zone})`, OPS, () => {
    let sum = 0;
    for (let i = 0; i < OPS; i++) sum += deadline(calendar, starts[i], i).getTime();
    return sum;
  });
}

const businessHours = (policyId) =>
  deadlines(policyId, 'business hours', (calendar, start, i) =>
    calendar.addBusinessHours(start, hours[i] ?? 40),
  );
const businessDays = (policyId) =>
  deadlines(policyId, 'business days', (calendar, start, i) => calendar.addBusinessDays(start, 1 + (i % 30)));

function wholePlans(policyId, channel) {
  const policy = builtInPolicy(policyId);
  const ops = Math.max(1, Math.floor(OPS / 100));
  const facts = Array.from({ length: ops }, (_, i) => ({
    kind: 'complaint',
    channel,
    receivedAt: new Date(starts[i]),
  }));
  return measure(`planClocks with explanations, ${policyId} (plans/s)`, ops, () => {
    let sum = 0;
    for (let i = 0; i < ops; i++) sum += planClocks(policy, facts[i]).clocks.length;
    return sum;
  });
}

function ceilingDateArithmetic() {
  return measure('ceiling: new Date(t + 2 h) (Date arithmetic)', OPS, () => {
    let sum = 0;
    for (let i = 0; i < OPS; i++) sum += new Date(starts[i] + hours[i] * 3_600_000).getTime();
    return sum;
  });
}

function ceilingLuxon() {
  const ops = Math.max(1, Math.floor(OPS / 10));
  return measure('ceiling: luxon DateTime.fromMillis(t, Europe/Paris).plus({hours})', ops, () => {
    let sum = 0;
    for (let i = 0; i < ops; i++) {
      sum += DateTime.fromMillis(starts[i], { zone: 'Europe/Paris' }).plus({ hours: hours[i] }).toMillis();
    }
    return sum;
  });
}

const results = [
  businessHours('mimo'),
  businessHours('modmount'),
  businessHours('mit'),
  businessDays('modmount'),
  wholePlans('mimo', 'email'),
  wholePlans('modmount', 'email'),
  ceilingDateArithmetic(),
  ceilingLuxon(),
];
const luxon = results.at(-1).median;
const date = results.at(-2).median;
const format = (rate) => Math.round(rate).toLocaleString('en-US').padStart(11);
process.stdout.write(
  `node ${process.version}, ${cpus()[0]?.model ?? 'unknown cpu'}, one core, ${OPS.toLocaleString('en-US')} ops/round, ` +
    `median of ${ROUNDS} rounds\n`,
);
for (const { label, median, best } of results) {
  process.stdout.write(
    `${label.padEnd(66)} ${format(median)}/s  best ${format(best)}/s  ` +
      `${(median / date).toFixed(3)} × Date  ${(median / luxon).toFixed(1)} × luxon\n`,
  );
}
