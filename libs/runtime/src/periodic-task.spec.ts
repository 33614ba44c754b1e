import { PeriodicTask } from './periodic-task';

describe(PeriodicTask.name, () => {
  const errors: unknown[] = [];
  const logger = { error: (details: object) => void errors.push(details) };
  beforeEach(() => (errors.length = 0));

  it('never runs twice at once: a run asked for while one is in progress is that one', async () => {
    let release!: () => void;
    let runs = 0;
    const task = new PeriodicTask('purge', 60_000, async () => {
      runs += 1;
      await new Promise<void>((resolve) => (release = resolve));
    }, logger);
    const first = task.runOnce();
    const second = task.runOnce();
    expect(runs).toBe(1);
    release();
    await Promise.all([first, second]);
    // Once it has finished, the next run is a new one.
    const third = task.runOnce();
    expect(runs).toBe(2);
    release();
    await third;
  });

  it('logs a failure and runs again at the next tick', async () => {
    // Fake timers: the ticks come when the test says, however busy the machine is.
    jest.useFakeTimers();
    try {
      let calls = 0;
      const task = new PeriodicTask('purge', 60_000, async () => {
        calls += 1;
        if (calls === 1) throw new Error('database unreachable');
      }, logger);
      task.start();
      await jest.advanceTimersByTimeAsync(60_000);
      expect(calls).toBe(1);
      expect(errors).toEqual([expect.objectContaining({ task: 'purge' })]);
      await jest.advanceTimersByTimeAsync(60_000);
      expect(calls).toBe(2);
      await task.stop();
      expect(errors).toHaveLength(1);
    } finally {
      jest.useRealTimers();
    }
  });

  it('waits on stop for the run in progress', async () => {
    let finished = false;
    let release!: () => void;
    const task = new PeriodicTask('purge', 60_000, async () => {
      await new Promise<void>((resolve) => (release = resolve));
      finished = true;
    }, logger);
    void task.runOnce();
    let stoppedYet = false;
    const stopped = task.stop().then(() => (stoppedYet = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(stoppedYet).toBe(false);
    release();
    await stopped;
    expect(finished).toBe(true);
  });
});
