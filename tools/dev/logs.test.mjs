import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Tail, consoleText } from './logs.mjs';

/** @param {Record<string, unknown>} entry */
const line = (entry) => JSON.stringify({ time: '2026-01-01T00:00:00Z', ...entry });

describe('consoleText', () => {
  it('keeps info and debug out of the console', () => {
    assert.equal(consoleText(line({ level: 30, msg: 'listening' }), 'stdout'), null);
    assert.equal(consoleText(line({ level: 20, msg: 'detail' }), 'stdout'), null);
  });

  it('shows warnings and errors with their level, context and error message', () => {
    assert.equal(
      consoleText(line({ level: 40, msg: 'slow handler', context: 'Relay' }), 'stdout'),
      'WARN (Relay) slow handler',
    );
    assert.equal(
      consoleText(
        line({ level: 50, msg: 'publish failed', err: { type: 'Error', message: 'TIMEOUT', stack: '…' } }),
        'stdout',
      ),
      'ERROR publish failed — TIMEOUT',
    );
    assert.equal(
      consoleText(line({ level: 60, msg: 'boom: x', err: { message: 'x' } }), 'stdout'),
      'FATAL boom: x',
    );
  });

  it('understands level labels as well as numbers', () => {
    assert.equal(consoleText(line({ level: 'warn', msg: 'w' }), 'stdout'), 'WARN w');
    assert.equal(consoleText(line({ level: 'info', msg: 'i' }), 'stdout'), null);
  });

  it('shows plain text from stderr (a crash before the logger exists), not from stdout', () => {
    assert.equal(consoleText('Error: Cannot find module x', 'stderr'), 'Error: Cannot find module x');
    assert.equal(consoleText('some banner', 'stdout'), null);
    assert.equal(consoleText('   ', 'stderr'), null);
  });
});

describe('Tail', () => {
  it('keeps the last lines only', () => {
    const tail = new Tail(2);
    for (const text of ['a', 'b', 'c']) tail.push(text);
    assert.deepEqual(tail.all(), ['b', 'c']);
  });
});
