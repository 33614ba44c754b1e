import { Clock } from './clock';

/** One reading of the database's clock: what it said, and the local instants around the round trip. */
export interface DatabaseTimeReading {
  readonly sentAt: number;
  readonly databaseTime: number;
  readonly receivedAt: number;
}

/**
 * The database's clock, read locally. Every replica decides due-ness, leases and breach
 * instants by this one clock, so a replica whose own clock runs fast neither fires breaches
 * early nor steals another's claims, and the lag metric measures real lateness.
 *
 * It keeps the offset between the local clock and the database's from the reading with the
 * shortest round trip among recent ones (the Cristian/NTP estimate: the database read its
 * clock half-way through the round trip), so `now()` stays synchronous and cheap.
 */
export class DatabaseClock implements Clock {
  private offsetMs = 0;
  private best: { roundTripMs: number; readAt: number } | undefined;

  constructor(
    private readonly local: () => number = Date.now,
    /** A reading older than this is replaced by any newer one: local clocks drift. */
    private readonly maxReadingAgeMs = 5 * 60_000,
  ) {}

  now(): Date {
    return new Date(this.local() + this.offsetMs);
  }

  /** How far the local clock is behind the database's (negative: ahead). */
  get skewMs(): number {
    return this.offsetMs;
  }

  /** Takes a reading into account; answers whether it now sets the offset. */
  observe(reading: DatabaseTimeReading): boolean {
    const roundTripMs = Math.max(0, reading.receivedAt - reading.sentAt);
    const stale = this.best === undefined || reading.receivedAt - this.best.readAt > this.maxReadingAgeMs;
    if (!stale && this.best !== undefined && roundTripMs > this.best.roundTripMs) return false;
    this.best = { roundTripMs, readAt: reading.receivedAt };
    this.offsetMs = reading.databaseTime - (reading.sentAt + roundTripMs / 2);
    return true;
  }
}
