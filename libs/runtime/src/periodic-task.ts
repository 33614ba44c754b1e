/** Where a failed run is reported: the slice of a pino logger it needs. */
export interface PeriodicTaskLogger {
  error(details: object, message: string): void;
}

/**
 * Housekeeping that runs every `intervalMs` while the service runs (purging what has outlived
 * its retention): never two runs at once, a failure logged and tried again at the next tick,
 * and `stop` waits for a run in progress so the database is not closed under it.
 */
export class PeriodicTask {
  private timer: NodeJS.Timeout | undefined;
  private inProgress: Promise<void> | undefined;

  constructor(
    private readonly name: string,
    private readonly intervalMs: number,
    private readonly work: () => Promise<unknown>,
    private readonly logger: PeriodicTaskLogger,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.runOnce(), this.intervalMs);
    // Housekeeping alone never keeps the process alive.
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.inProgress;
  }

  /** One run now, as each tick does; while one is in progress, that one. */
  runOnce(): Promise<void> {
    this.inProgress ??= this.work()
      .then(
        () => undefined,
        (error: unknown) => this.logger.error({ err: error, task: this.name }, `${this.name} failed; it runs again at the next tick`),
      )
      .finally(() => (this.inProgress = undefined));
    return this.inProgress;
  }
}
