import { isTransientFailure } from './transient-failure';

const failure = (message: string, code?: string, cause?: unknown): Error =>
  Object.assign(new Error(message, { cause }), code === undefined ? {} : { code });

describe(isTransientFailure.name, () => {
  it.each([
    ['PostgreSQL refusing connections', failure('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['a backend terminated by a failover', failure('terminating connection due to administrator command', '57P01')],
    ['the server starting up', failure('the database system is starting up', '57P03')],
    ['a connection failure (class 08)', failure('connection failure', '08006')],
    ['too many connections', failure('sorry, too many clients already', '53300')],
    ['a deadlock the server broke', failure('deadlock detected', '40P01')],
    ['a dropped connection without a code', failure('Connection terminated unexpectedly')],
    ['a transient cause wrapped by another error', failure('query failed', undefined, failure('read ECONNRESET', 'ECONNRESET'))],
  ])('calls %s transient', (_what, error) => {
    expect(isTransientFailure(error)).toBe(true);
  });

  it.each([
    ['a unique violation', failure('duplicate key value violates unique constraint', '23505')],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'metric')")],
    ['a thrown string', 'something broke'],
  ])('calls %s permanent', (_what, error) => {
    expect(isTransientFailure(error)).toBe(false);
  });
});
