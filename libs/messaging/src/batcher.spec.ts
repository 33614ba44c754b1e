import { Batcher } from './batcher';

describe(Batcher.name, () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('hands over a batch as soon as it is full, and holds the caller until it has run', async () => {
    const batches: number[][] = [];
    let release = () => undefined as void;
    const batcher = new Batcher<number>(3, 50, async (items) => {
      batches.push(items);
      await new Promise<void>((resolve) => (release = resolve));
    });
    await batcher.add(1);
    await batcher.add(2);
    let held = true;
    const third = batcher.add(3).then(() => (held = false));
    await jest.advanceTimersByTimeAsync(0);
    expect(batches).toEqual([[1, 2, 3]]);
    expect(held).toBe(true);
    release();
    await third;
    expect(held).toBe(false);
  });

  it('hands over what it has once the first item of a batch has waited maxWaitMs', async () => {
    const batches: number[][] = [];
    const batcher = new Batcher<number>(10, 50, async (items) => void batches.push(items));
    await batcher.add(1);
    await jest.advanceTimersByTimeAsync(30);
    await batcher.add(2);
    await jest.advanceTimersByTimeAsync(19);
    expect(batches).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    expect(batches).toEqual([[1, 2]]);
    await batcher.add(3);
    await jest.advanceTimersByTimeAsync(50);
    expect(batches).toEqual([[1, 2], [3]]);
  });

  it('runs one batch at a time, in order', async () => {
    const log: string[] = [];
    const releases: (() => void)[] = [];
    const batcher = new Batcher<number>(2, 50, async (items) => {
      log.push(`start ${items.join()}`);
      await new Promise<void>((resolve) => releases.push(resolve));
      log.push(`end ${items.join()}`);
    });
    void batcher.add(1);
    void batcher.add(2);
    await batcher.add(3);
    const flushed = batcher.flush();
    await jest.advanceTimersByTimeAsync(0);
    expect(log).toEqual(['start 1,2']);
    releases.shift()?.();
    await jest.advanceTimersByTimeAsync(0);
    expect(log).toEqual(['start 1,2', 'end 1,2', 'start 3']);
    releases.shift()?.();
    await flushed;
    expect(log).toEqual(['start 1,2', 'end 1,2', 'start 3', 'end 3']);
  });

  it('flushes what is pending without waiting for the timer', async () => {
    const batches: number[][] = [];
    const batcher = new Batcher<number>(10, 60_000, async (items) => void batches.push(items));
    await batcher.add(1);
    await batcher.flush();
    expect(batches).toEqual([[1]]);
    await jest.advanceTimersByTimeAsync(60_000);
    expect(batches).toEqual([[1]]);
  });
});
