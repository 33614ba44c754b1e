// Stopping child processes: a polite signal, a deadline, then SIGKILL.
// Children run detached (their own process group), so a terminal's Ctrl-C reaches only the
// runner, which then stops them in order; signals go to the whole group.

import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * @param {import('node:child_process').ChildProcess} child
 */
export function hasExited(child) {
  return child.exitCode !== null || child.signalCode !== null;
}

/**
 * Resolves true once the child has exited, false after `timeoutMs`.
 * @param {import('node:child_process').ChildProcess} child
 * @param {number} timeoutMs
 * @returns {Promise<boolean>}
 */
export function waitForExit(child, timeoutMs) {
  if (hasExited(child)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.off('exit', onExit);
      resolve(false);
    }, timeoutMs);
    const onExit = () => {
      clearTimeout(timer);
      resolve(true);
    };
    child.once('exit', onExit);
  });
}

/**
 * Sends `signal` to the process group led by `pid`. Every child here is spawned detached, so
 * it leads its own group; a dead group is not an error.
 * @param {number | undefined} pid
 * @param {NodeJS.Signals | 0} signal
 * @returns {boolean} whether the signal was delivered
 */
export function signalGroup(pid, signal) {
  if (!pid) return false;
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

/**
 * Signal, wait up to `timeoutMs`, then SIGKILL the group.
 * @param {import('node:child_process').ChildProcess} child
 * @param {{ signal?: NodeJS.Signals, timeoutMs?: number }} [options]
 * @returns {Promise<'exited' | 'killed'>}
 */
export async function terminate(child, { signal = 'SIGTERM', timeoutMs = 10_000 } = {}) {
  if (hasExited(child)) return 'exited';
  signalGroup(child.pid, signal);
  if (await waitForExit(child, timeoutMs)) return 'exited';
  signalGroup(child.pid, 'SIGKILL');
  await waitForExit(child, 2_000);
  return 'killed';
}

/**
 * Whether a process group still has members (signal 0 checks without sending).
 * @param {number} pgid
 */
export function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
  }
}

/**
 * Signal a process group that is not our child (left over from an earlier run), wait for it
 * to empty, then SIGKILL it.
 * @param {number} pgid
 * @param {NodeJS.Signals} signal
 * @param {number} timeoutMs
 */
export async function terminateGroup(pgid, signal, timeoutMs) {
  signalGroup(pgid, signal);
  const deadline = Date.now() + timeoutMs;
  while (groupAlive(pgid) && Date.now() < deadline) await sleep(100);
  if (groupAlive(pgid)) {
    signalGroup(pgid, 'SIGKILL');
    await sleep(200);
  }
}

/**
 * The command line of a live process, or null when it is gone or cannot be read.
 * @param {number} pid
 * @returns {string | null}
 */
export function commandLine(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim() || null;
  } catch {
    try {
      return execFileSync('ps', ['-o', 'command=', '-p', String(pid)], { encoding: 'utf8' }).trim() || null;
    } catch {
      return null;
    }
  }
}
