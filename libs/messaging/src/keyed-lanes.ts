/**
 * Runs tasks at most `limit` at once, and the tasks of one key one after another in the order
 * they were submitted: events of different complaints overlap, a complaint's own keep their
 * order. A task waiting for the one before it on its key holds its slot, so `limit` bounds
 * everything admitted, not only what is running.
 */
export class KeyedLanes {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly admitted = new Set<Promise<void>>();
  private readonly waitingForSlot: (() => void)[] = [];

  /** `onError` receives what a task throws; the next task of its key runs all the same. */
  constructor(
    private readonly limit: number,
    private readonly onError: (error: unknown) => void,
  ) {
    if (!Number.isInteger(limit) || limit < 1) throw new Error(`concurrency must be a positive integer, not ${limit}`);
  }

  /** Resolves once the task is admitted (a slot was free), not when it is done. */
  async submit(key: string, task: () => Promise<void>): Promise<void> {
    while (this.admitted.size >= this.limit) await new Promise<void>((resolve) => this.waitingForSlot.push(resolve));
    const previous = this.tails.get(key) ?? Promise.resolve();
    const done = previous.then(task).catch(this.onError);
    this.tails.set(key, done);
    this.admitted.add(done);
    void done.then(() => {
      this.admitted.delete(done);
      if (this.tails.get(key) === done) this.tails.delete(key);
      this.waitingForSlot.shift()?.();
    });
  }

  /** Resolves when every admitted task is done. */
  async drain(): Promise<void> {
    while (this.admitted.size > 0) await Promise.all([...this.admitted]);
  }
}
