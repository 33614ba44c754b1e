/**
 * Gathers items into batches of up to `maxItems`, or whatever has come `maxWaitMs` after the
 * first item of a batch, and hands each batch to `run`, one batch at a time in order.
 * `run` must settle its items itself and never reject.
 */
export class Batcher<T> {
  private pending: T[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private tail: Promise<void> = Promise.resolve();

  constructor(
    private readonly maxItems: number,
    private readonly maxWaitMs: number,
    private readonly run: (items: T[]) => Promise<void>,
  ) {
    if (!Number.isInteger(maxItems) || maxItems < 1) throw new Error(`a batch must hold at least one item, not ${maxItems}`);
  }

  /**
   * Resolves at once, unless the item fills a batch: then once that batch (and any before it)
   * has run, so a caller reading from a source is held back while the batch is written.
   */
  add(item: T): Promise<void> {
    this.pending.push(item);
    if (this.pending.length >= this.maxItems) return this.flush();
    if (this.pending.length === 1) this.timer = setTimeout(() => void this.flush(), this.maxWaitMs);
    return Promise.resolve();
  }

  /** Hands over what is pending now; resolves when every batch so far has run. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const items = this.pending;
    this.pending = [];
    if (items.length > 0) this.tail = this.tail.then(() => this.run(items));
    return this.tail;
  }
}
