import { KeyedLanes } from './keyed-lanes';

/** A promise the test resolves when it chooses. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open = () => undefined as void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe(KeyedLanes.name, () => {
  it('runs tasks of different keys at once, up to the limit', async () => {
    const lanes = new KeyedLanes(2, () => undefined);
    const gates = [gate(), gate(), gate()];
    const started: number[] = [];
    const admitted = gates.map((g, i) => lanes.submit(`key-${i}`, async () => {
      started.push(i);
      await g.promise;
    }));

    await Promise.all(admitted.slice(0, 2));
    await settle();
    expect(started).toEqual([0, 1]);
    // The third waits for a slot, and gets the first one freed.
    let thirdAdmitted = false;
    void admitted[2]?.then(() => (thirdAdmitted = true));
    await settle();
    expect(thirdAdmitted).toBe(false);
    gates[1]?.open();
    await admitted[2];
    await settle();
    expect(started).toEqual([0, 1, 2]);
    gates[0]?.open();
    gates[2]?.open();
    await lanes.drain();
  });

  it('runs the tasks of one key one after another, in the order submitted', async () => {
    const lanes = new KeyedLanes(4, () => undefined);
    const first = gate();
    const log: string[] = [];
    await lanes.submit('a', async () => {
      log.push('a1 start');
      await first.promise;
      log.push('a1 end');
    });
    await lanes.submit('a', async () => void log.push('a2'));
    await lanes.submit('b', async () => void log.push('b1'));
    await settle();
    expect(log).toEqual(['a1 start', 'b1']);
    first.open();
    await lanes.drain();
    expect(log).toEqual(['a1 start', 'b1', 'a1 end', 'a2']);
  });

  it('goes on with the next task of a key after one failed, and reports the failure', async () => {
    const errors: unknown[] = [];
    const lanes = new KeyedLanes(1, (error) => errors.push(error));
    const ran: string[] = [];
    await lanes.submit('a', () => Promise.reject(new Error('boom')));
    await lanes.submit('a', async () => void ran.push('after'));
    await lanes.drain();
    expect(ran).toEqual(['after']);
    expect(errors).toEqual([new Error('boom')]);
  });

  it('drains only when every admitted task is done', async () => {
    const lanes = new KeyedLanes(3, () => undefined);
    const slow = gate();
    let done = false;
    await lanes.submit('a', async () => {
      await slow.promise;
      done = true;
    });
    let drained = false;
    const draining = lanes.drain().then(() => (drained = true));
    await settle();
    expect(drained).toBe(false);
    slow.open();
    await draining;
    expect(done).toBe(true);
  });

  it('refuses a limit below one', () => {
    expect(() => new KeyedLanes(0, () => undefined)).toThrow('concurrency must be a positive integer, not 0');
  });
});
