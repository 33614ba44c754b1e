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
    let calls = 0;
    const task = new PeriodicTask('purge', 10, async () => {
      calls += 1;
      if (calls === 1) throw new Error('database unreachable');
    }, logger);
    task.start();
    await new Promise((resolve) => setTimeout(resolve, 60));
    await task.stop();
    expect(calls).toBeGreaterThanOrEqual(2);
    expect(errors).toEqual([expect.objectContaining({ task: 'purge' })]);
  });

  it('waits on stop for the run in progress', async () => {
    let finished = false;
    const task = new PeriodicTask('purge', 60_000, async () => {
      await new Promise((resolve) => setTimeout(resolve, 30));
      finished = true;
    }, logger);
    void task.runOnce();
    await task.stop();
    expect(finished).toBe(true);
  });
});
