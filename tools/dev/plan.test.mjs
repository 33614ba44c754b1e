import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DEFAULT_NATS_URL,
  DEFAULT_POSTGRES_TCP_URL,
  appDatabaseOf,
  decideNats,
  decidePostgres,
  embeddedForced,
  findExecutable,
  natsCandidates,
  postgresCandidates,
  redactUrl,
  withDatabase,
} from './plan.mjs';

const ok = { ok: true };
const down = { ok: false, error: 'ECONNREFUSED' };

describe('postgresCandidates', () => {
  it('tries DATABASE_URL first, then 127.0.0.1:5432, then the unix sockets', () => {
    const candidates = postgresCandidates({ DATABASE_URL: 'postgres://u:p@db:5432/app' }, { osUser: 'ann' });
    assert.deepEqual(
      candidates.map((c) => c.url),
      [
        'postgres://u:p@db:5432/app',
        DEFAULT_POSTGRES_TCP_URL,
        'postgres://postgres@localhost:5432/postgres?host=%2Fvar%2Frun%2Fpostgresql',
        'postgres://ann@localhost:5432/postgres?host=%2Fvar%2Frun%2Fpostgresql',
        'postgres://postgres@localhost:5432/postgres?host=%2Ftmp',
        'postgres://ann@localhost:5432/postgres?host=%2Ftmp',
      ],
    );
    assert.equal(candidates[0].source, 'env');
    assert.ok(candidates.slice(1).every((c) => c.source === 'local'));
  });

  it('starts with the local server when DATABASE_URL is unset, and does not try root as a role', () => {
    const candidates = postgresCandidates({}, { osUser: 'root' });
    assert.equal(candidates[0].url, DEFAULT_POSTGRES_TCP_URL);
    assert.ok(candidates.every((c) => !c.url.startsWith('postgres://root@')));
  });

  it('tries nothing when COMPLAINTS_EMBEDDED=1, not even DATABASE_URL', () => {
    assert.deepEqual(postgresCandidates({ COMPLAINTS_EMBEDDED: '1', DATABASE_URL: 'postgres://x@h/db' }), []);
  });
});

describe('decidePostgres', () => {
  const env = { DATABASE_URL: 'postgres://u:secret@db:5432/app' };
  const candidates = postgresCandidates(env);

  it('uses DATABASE_URL when it answers', () => {
    const decision = decidePostgres(candidates, [ok]);
    assert.equal(decision.use, 'external');
    assert.equal(decision.use === 'external' && decision.candidate.source, 'env');
    assert.deepEqual(decision.notes, []);
  });

  it('falls back to the local server when DATABASE_URL does not answer, and says so without the password', () => {
    const decision = decidePostgres(candidates, [down, ok]);
    assert.equal(decision.use === 'external' && decision.candidate.url, DEFAULT_POSTGRES_TCP_URL);
    assert.equal(decision.notes.length, 1);
    assert.match(decision.notes[0], /DATABASE_URL .* did not answer: ECONNREFUSED/);
    assert.doesNotMatch(decision.notes[0], /secret/);
  });

  it('uses a unix socket when TCP does not answer', () => {
    const local = postgresCandidates({});
    const decision = decidePostgres(local, [down, ok]);
    assert.equal(decision.use === 'external' && decision.candidate.url, local[1].url);
  });

  it('starts the embedded PostgreSQL when nothing answers', () => {
    assert.equal(
      decidePostgres(
        candidates,
        candidates.map(() => down),
      ).use,
      'embedded',
    );
  });

  it('starts the embedded PostgreSQL when forced, without probing', () => {
    assert.deepEqual(decidePostgres(postgresCandidates({ COMPLAINTS_EMBEDDED: 'true' }), []), {
      use: 'embedded',
      notes: [],
    });
  });
});

describe('natsCandidates', () => {
  it('tries every NATS_URL server, then nats://127.0.0.1:4222', () => {
    assert.deepEqual(
      natsCandidates({ NATS_URL: 'nats://a:4222, nats://b:4222' }).map((c) => [c.source, c.url]),
      [
        ['env', 'nats://a:4222'],
        ['env', 'nats://b:4222'],
        ['local', DEFAULT_NATS_URL],
      ],
    );
  });

  it('tries nothing when COMPLAINTS_EMBEDDED=1', () => {
    assert.deepEqual(natsCandidates({ COMPLAINTS_EMBEDDED: '1', NATS_URL: 'nats://a:4222' }), []);
  });
});

describe('decideNats', () => {
  const js = { ok: true, jetstream: true };
  const noJs = { ok: true, jetstream: false };
  const bin = '/usr/sbin/nats-server';

  it('uses NATS_URL when it answers with JetStream', () => {
    const env = { NATS_URL: 'nats://a:4222' };
    const decision = decideNats(natsCandidates(env), [js], bin, env);
    assert.equal(decision.use === 'external' && decision.candidate.url, 'nats://a:4222');
  });

  it('refuses a NATS_URL without JetStream rather than silently using another server', () => {
    const env = { NATS_URL: 'nats://a:4222' };
    const decision = decideNats(natsCandidates(env), [noJs], bin, env);
    assert.equal(decision.use, 'fail');
    assert.match(decision.use === 'fail' ? decision.message : '', /JetStream disabled.*nats-server -js/);
  });

  it('falls back to the local server when NATS_URL does not answer', () => {
    const env = { NATS_URL: 'nats://a:4222' };
    const decision = decideNats(natsCandidates(env), [down, js], bin, env);
    assert.equal(decision.use === 'external' && decision.candidate.url, DEFAULT_NATS_URL);
    assert.match(decision.notes.join(), /nats:\/\/a:4222 did not answer: ECONNREFUSED/);
  });

  it('skips a local server without JetStream and spawns nats-server', () => {
    const decision = decideNats(natsCandidates({}), [noJs], bin, {});
    assert.deepEqual(decision, { use: 'spawn', bin, notes: [decision.notes[0]] });
    assert.match(decision.notes[0], /JetStream disabled; not using it/);
  });

  it('spawns nats-server when nothing answers', () => {
    assert.equal(decideNats(natsCandidates({}), [down], bin, {}).use, 'spawn');
  });

  it('spawns nats-server when forced, without probing', () => {
    const env = { COMPLAINTS_EMBEDDED: '1' };
    assert.equal(decideNats(natsCandidates(env), [], bin, env).use, 'spawn');
  });

  it('fails with install instructions when nothing answers and nats-server is not installed', () => {
    const decision = decideNats(natsCandidates({}), [down], null, {});
    assert.equal(decision.use, 'fail');
    const message = decision.use === 'fail' ? decision.message : '';
    assert.match(message, /nats-server is not installed/);
    assert.match(message, /apt install nats-server/);
    assert.match(message, /brew install nats-server/);
    assert.match(message, /docker run .*-p 4222:4222 nats -js/);
  });

  it('says why when forced and nats-server is missing', () => {
    const env = { COMPLAINTS_EMBEDDED: '1' };
    const decision = decideNats(natsCandidates(env), [], null, env);
    assert.match(decision.use === 'fail' ? decision.message : '', /COMPLAINTS_EMBEDDED=1 needs nats-server/);
  });
});

describe('embeddedForced', () => {
  it('accepts 1, true and yes; anything else is off', () => {
    for (const value of ['1', 'true', 'YES', ' 1 '])
      assert.equal(embeddedForced({ COMPLAINTS_EMBEDDED: value }), true);
    for (const value of [undefined, '', '0', 'false', 'no'])
      assert.equal(embeddedForced({ COMPLAINTS_EMBEDDED: value }), false);
  });
});

describe('findExecutable', () => {
  it('prefers PATH, then the extra directories', () => {
    const present = new Set(['/usr/sbin/nats-server', '/home/me/bin/nats-server']);
    const has = (/** @type {string} */ file) => present.has(file);
    assert.equal(findExecutable('/usr/bin:/home/me/bin', has), '/home/me/bin/nats-server');
    assert.equal(findExecutable('/usr/bin', has), '/usr/sbin/nats-server');
    assert.equal(
      findExecutable(undefined, () => false),
      null,
    );
  });
});

describe('withDatabase', () => {
  it('swaps the database and keeps credentials and query parameters', () => {
    assert.equal(
      withDatabase('postgres://u:p@h:5433/other?sslmode=require'),
      'postgres://u:p@h:5433/complaints?sslmode=require',
    );
    assert.equal(
      withDatabase('postgres://postgres@localhost:5432/postgres?host=%2Fvar%2Frun%2Fpostgresql'),
      'postgres://postgres@localhost:5432/complaints?host=%2Fvar%2Frun%2Fpostgresql',
    );
  });
});

describe('appDatabaseOf', () => {
  it('uses the database DATABASE_URL names', () => {
    assert.equal(appDatabaseOf({ source: 'env', url: 'postgres://u:p@h:5432/mydb?sslmode=require' }), 'mydb');
  });

  it('uses complaints when DATABASE_URL names no database, and on the local default server', () => {
    assert.equal(appDatabaseOf({ source: 'env', url: 'postgres://u@h:5432' }), 'complaints');
    assert.equal(appDatabaseOf({ source: 'env', url: 'postgres://u@h:5432/' }), 'complaints');
    assert.equal(appDatabaseOf({ source: 'local', url: 'postgres://postgres@127.0.0.1:5432/postgres' }), 'complaints');
  });
});

describe('redactUrl', () => {
  it('hides the password only', () => {
    assert.equal(redactUrl('postgres://u:secret@h/db'), 'postgres://u:***@h/db');
    assert.equal(redactUrl('nats://h:4222'), 'nats://h:4222');
    assert.equal(redactUrl('not a url'), '<unparseable URL>');
  });
});
