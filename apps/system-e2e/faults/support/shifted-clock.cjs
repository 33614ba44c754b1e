// Test-only preload (NODE_OPTIONS=--require …): this process's Date runs FAULT_CLOCK_OFFSET_MS
// ahead of the machine's clock, as on a replica whose clock drifted. Timers (setTimeout) keep
// real time, as they do on such a machine.
'use strict';

const offsetMs = Number(process.env.FAULT_CLOCK_OFFSET_MS ?? '0');
const RealDate = Date;
const now = () => RealDate.now() + offsetMs;

globalThis.Date = new Proxy(RealDate, {
  construct: (target, args, newTarget) => Reflect.construct(target, args.length === 0 ? [now()] : args, newTarget),
  apply: () => new RealDate(now()).toString(),
  get: (target, property, receiver) => (property === 'now' ? now : Reflect.get(target, property, receiver)),
});
