export type RateDecision = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

/** How many clients' windows are kept before the expired ones are swept out. */
const SWEEP_ABOVE = 10_000;

/**
 * A fixed one-minute window per client: `limit` requests, then refusals until the window
 * ends. In memory on each gateway replica, like the API's limit: it keeps a script from
 * hammering the public survey routes (guessing tokens, flooding answers) rather than metering.
 */
export class SurveyRateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  take(client: string): RateDecision {
    const now = this.now();
    if (this.windows.size > SWEEP_ABOVE) this.sweep(now);
    const window = this.windows.get(client);
    if (!window || now - window.start >= this.windowMs) {
      this.windows.set(client, { start: now, count: 1 });
      return { allowed: true };
    }
    if (window.count < this.limit) {
      window.count += 1;
      return { allowed: true };
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window.start + this.windowMs - now) / 1000)) };
  }

  private sweep(now: number): void {
    for (const [client, window] of this.windows) if (now - window.start >= this.windowMs) this.windows.delete(client);
  }
}
