// What every benchmark here needs besides the code it measures: progress lines, number
// formatting, scratch databases on the server it is given, and percentiles.

import pg from 'pg';

const { Client } = pg;

/** A progress line on stderr, stamped with the time of day, so stdout keeps only the results. */
export const log = (...args) => console.error(`[${new Date().toISOString().slice(11, 23)}]`, ...args);

/** A figure as the tables in BENCHMARKS.md show it: thousands separated, fixed decimals. */
export const fmt = (n, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** The URL of database `name` on the server of `adminUrl`. */
export function databaseUrl(adminUrl, name) {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs `work` with a connection of its own, closed afterwards whatever happens. */
export async function withClient(url, work) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The p-th percentile (nearest rank) of ascending `sorted`; NaN when there is nothing to rank. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
