import { outcomeOfStatus } from './attempt-outcome';

describe(outcomeOfStatus.name, () => {
  it.each([200, 201, 202, 204])('counts %i as delivered', (status) => {
    expect(outcomeOfStatus(status)).toEqual({ kind: 'delivered', statusCode: status });
  });

  it.each([500, 502, 503, 504, 408, 429])('tries again after %i', (status) => {
    expect(outcomeOfStatus(status)).toMatchObject({ kind: 'temporary', statusCode: status, error: `the endpoint answered HTTP ${status}` });
  });

  it.each([400, 401, 403, 404, 410, 413, 422, 301, 302])('gives up on %i', (status) => {
    expect(outcomeOfStatus(status)).toMatchObject({ kind: 'permanent', statusCode: status });
  });
});
