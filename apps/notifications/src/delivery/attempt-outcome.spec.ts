import { outcomeOfFailure } from './attempt-outcome';

const schedule = { maxAttempts: 3, baseDelayMs: 1000, maxDelayMs: 10_000 };
const now = new Date('2026-03-14T13:05:00Z');
const half = () => 0.5;

describe(outcomeOfFailure.name, () => {
  it('tries a temporary failure again after the schedule’s next step', () => {
    expect(outcomeOfFailure({ errorClass: 'temporary', code: 451, locale: 'fr' }, 1, schedule, now, half)).toEqual({
      status: 'pending',
      locale: 'fr',
      errorClass: 'temporary',
      code: 451,
      nextAttemptAt: new Date(now.getTime() + 750),
    });
  });

  it('gives up once the last attempt failed', () => {
    expect(outcomeOfFailure({ errorClass: 'temporary', code: null, locale: 'fr' }, 3, schedule, now, half)).toEqual({
      status: 'dead',
      locale: 'fr',
      errorClass: 'attempts_exhausted',
      code: null,
      nextAttemptAt: null,
    });
  });

  it('never retries a refusal or a missing address', () => {
    expect(outcomeOfFailure({ errorClass: 'refused', code: 550, locale: 'vi' }, 1, schedule, now, half)).toMatchObject({ status: 'dead', errorClass: 'refused', code: 550 });
    expect(outcomeOfFailure({ errorClass: 'no_address', code: null, locale: null }, 1, schedule, now, half)).toMatchObject({ status: 'dead', errorClass: 'no_address' });
  });
});
