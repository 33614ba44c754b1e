import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { whatIf } from './what-if.mjs';

const counts = (met, breached, running = 0) => ({
  met,
  breached,
  running,
  pending: 0,
  cancelled: 0,
  absent: 0,
});
const flip = (complaintId) => ({
  complaintId,
  metric: 'acknowledgement',
  actual: 'met',
  wouldBe: 'breached',
  actualDueAt: '2026-11-23T10:30:00.000Z',
  actualMetAt: '2026-11-23T10:00:00.000Z',
  wouldBeDueAt: '2026-11-23T09:30:00.000Z',
});
const page = (complaints, metrics, flips, nextCursor) => ({
  policyId: 'mimo',
  version: 2,
  from: '2026-11-01T00:00:00.000Z',
  to: '2026-12-01T00:00:00.000Z',
  evaluatedAt: '2026-12-03T12:00:00.000Z',
  complaints,
  metrics,
  flips,
  nextCursor,
});

/** A gateway that answers two pages for the admin key, and a problem for any other. */
describe('policy:what-if', () => {
  const requests = [];
  let server;
  let url;
  let draftFile;

  before(async () => {
    server = createServer((request, response) => {
      let text = '';
      request.on('data', (chunk) => (text += chunk));
      request.on('end', () => {
        const body = JSON.parse(text);
        requests.push({ path: request.url, authorization: request.headers.authorization, body });
        if (request.headers.authorization !== 'Bearer admin-key') {
          response.writeHead(422, { 'content-type': 'application/problem+json' });
          response.end(
            JSON.stringify({
              detail: 'the what-if asks for more than one replay may cover',
              errors: [{ field: 'to', message: 'must be at most 90 days after from' }],
            }),
          );
          return;
        }
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify(
            body.cursor === undefined
              ? page(
                  2,
                  [{ metric: 'acknowledgement', actual: counts(2, 0), wouldBe: counts(1, 1), flipped: 1 }],
                  [flip('0193a1b2-0000-7000-8000-000000000001')],
                  'page-2',
                )
              : page(
                  3,
                  [{ metric: 'acknowledgement', actual: counts(2, 1), wouldBe: counts(1, 2), flipped: 1 }],
                  [flip('0193a1b2-0000-7000-8000-000000000002')],
                  null,
                ),
          ),
        );
      });
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${server.address().port}`;
    draftFile = join(await mkdtemp(join(tmpdir(), 'what-if-')), 'draft.yaml');
    await writeFile(
      draftFile,
      'id: mimo\nversion: 2\nclocks:\n  - id: acknowledgement\n    target: { amount: 1, unit: business_hours }\n',
    );
  });
  after(() => new Promise((resolve) => server.close(resolve)));

  async function run(argv, env = {}) {
    let out = '';
    let err = '';
    const code = await whatIf(argv, { env, out: (text) => (out += text), err: (text) => (err += text) });
    return { code, out, err };
  }

  it('sends the draft read from YAML with the key from the environment, follows the cursor and adds the pages up', async () => {
    requests.length = 0;
    const { code, out } = await run(
      ['--policy', draftFile, '--from', '2026-11-01T00:00:00Z', '--to', '2026-12-01T00:00:00Z', '--url', url],
      {
        COMPLAINTS_API_KEY: 'admin-key',
      },
    );

    assert.equal(code, 0);
    assert.deepEqual(
      requests.map((request) => ({
        path: request.path,
        authorization: request.authorization,
        cursor: request.body.cursor,
      })),
      [
        { path: '/v1/policies/what-if', authorization: 'Bearer admin-key', cursor: undefined },
        { path: '/v1/policies/what-if', authorization: 'Bearer admin-key', cursor: 'page-2' },
      ],
    );
    assert.deepEqual(requests[0].body.policy.clocks[0].target, { amount: 1, unit: 'business_hours' });
    assert.match(out, /5 complaints of policy mimo replayed under version 2/);
    assert.match(out, /acknowledgement\s+4 met, 1 breached, 0 running\s+2 met, 3 breached, 0 running\s+2/);
    assert.match(out, /2 flipped:/);
    assert.match(
      out,
      /0193a1b2-0000-7000-8000-000000000002\s+acknowledgement\s+met\s+breached\s+2026-11-23T10:30:00.000Z\s+2026-11-23T10:00:00.000Z\s+2026-11-23T09:30:00.000Z/,
    );
  });

  it('names a published version as id@version, and a --key over the environment', async () => {
    requests.length = 0;
    await run(
      [
        '--policy',
        'mimo@1',
        '--from',
        '2026-11-01T00:00:00Z',
        '--to',
        '2026-12-01T00:00:00Z',
        '--url',
        url,
        '--key',
        'admin-key',
      ],
      {
        COMPLAINTS_API_KEY: 'other-key',
      },
    );
    assert.deepEqual(requests[0].body.policy, { id: 'mimo', version: 1 });
    assert.equal(requests[0].authorization, 'Bearer admin-key');
  });

  it("prints a refusal with the gateway's detail and each field, and exits 1", async () => {
    const { code, err } = await run([
      '--policy',
      'mimo@1',
      '--from',
      '2026-01-01T00:00:00Z',
      '--to',
      '2026-12-01T00:00:00Z',
      '--url',
      url,
      '--key',
      'x',
    ]);
    assert.equal(code, 1);
    assert.match(
      err,
      /HTTP 422: the what-if asks for more than one replay may cover\n  to: must be at most 90 days after from/,
    );
  });

  it('exits 2 with the usage when the key or a required option is missing', async () => {
    const noKey = await run(['--policy', 'mimo@1', '--from', 'a', '--to', 'b', '--url', url]);
    const noTo = await run(['--policy', 'mimo@1', '--from', 'a', '--key', 'k']);
    assert.deepEqual([noKey.code, noTo.code], [2, 2]);
    assert.match(noKey.err, /--key or COMPLAINTS_API_KEY/);
    assert.match(noTo.err, /--to is required\nusage: npm run policy:what-if/);
  });
});
