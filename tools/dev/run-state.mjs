// Records which processes this runner started (.local/run/processes.json), so that one
// `npm start` at a time uses .local/, and processes left behind by a runner that was killed
// with SIGKILL are stopped before the next start reuses their ports and data.

import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { commandLine, groupAlive, terminateGroup } from './procs.mjs';

/**
 * @typedef {{ name: string, pid: number, marker: string, signal: NodeJS.Signals }} Owned
 *   marker: a string the process's command line contains, checked before signalling it
 * @typedef {{ runner: number, owned: Owned[] }} State
 */

export const RUNNER_MARKER = 'tools/dev/start.mjs';

export class RunState {
  /** @param {string} file */
  constructor(file) {
    this.file = file;
    /** @type {Owned[]} */
    this.owned = [];
  }

  /**
   * Refuses when another runner is alive; stops what a dead one left behind.
   * @param {(message: string) => void} log
   */
  async acquire(log) {
    const previous = this.read();
    if (previous && previous.runner !== process.pid) {
      const command = commandLine(previous.runner);
      if (command?.includes(RUNNER_MARKER)) {
        throw new Error(
          `another \`npm start\` (pid ${previous.runner}) is already using .local/; stop it first (Ctrl-C in its terminal, or kill ${previous.runner}).`,
        );
      }
      for (const owned of previous.owned) await reap(owned, log);
    }
    this.write();
  }

  /** @param {Owned} owned */
  add(owned) {
    this.owned.push(owned);
    this.write();
  }

  /** @param {number | undefined} pid */
  remove(pid) {
    this.owned = this.owned.filter((o) => o.pid !== pid);
    this.write();
  }

  /** Forgets the record, unless it belongs to another runner (one that refused us). */
  release() {
    if (this.read()?.runner === process.pid) rmSync(this.file, { force: true });
  }

  /** @returns {State | null} */
  read() {
    try {
      return JSON.parse(readFileSync(this.file, 'utf8'));
    } catch {
      return null;
    }
  }

  write() {
    mkdirSync(dirname(this.file), { recursive: true });
    /** @type {State} */
    const state = { runner: process.pid, owned: this.owned };
    writeFileSync(this.file, `${JSON.stringify(state, null, 2)}\n`);
  }
}

/**
 * Stops a leftover process group. A group whose leader is gone still holds our orphans (the
 * kernel does not reuse a pid while it names a live group); a live leader must match.
 * @param {Owned} owned
 * @param {(message: string) => void} log
 */
async function reap(owned, log) {
  if (!groupAlive(owned.pid)) return;
  const command = commandLine(owned.pid);
  if (command !== null && !command.includes(owned.marker)) return;
  log(`Stopping ${owned.name} (pid ${owned.pid}) left running by an earlier npm start.`);
  await terminateGroup(owned.pid, owned.signal, 10_000);
}
