// Runs the services as child processes: each one's output goes to .local/logs/<name>.log,
// warnings and errors also to the console; an exit nobody asked for is reported.

import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { Tail, consoleText } from './logs.mjs';
import { freshLog } from './paths.mjs';
import { terminate } from './procs.mjs';

/**
 * @typedef {import('./catalog.mjs').ServiceSpec} ServiceSpec
 * @typedef {{ spec: ServiceSpec, child: import('node:child_process').ChildProcess,
 *             tail: Tail, logFile: string, stopping: boolean, logWritten: Promise<void> }} Running
 * @typedef {(service: Running, how: string) => void} ExitHandler
 */

export const TAIL_LINES = 30;

/**
 * The specs whose entry file is missing (the service has not been built).
 * @param {ServiceSpec[]} specs
 */
export function unbuilt(specs) {
  return specs.filter((spec) => !existsSync(spec.entry));
}

/**
 * Starts every service (node <entry>) in its own process group.
 * @param {ServiceSpec[]} specs
 * @param {{ logsDir: string, cwd: string, print: (name: string, text: string) => void,
 *           onUnexpectedExit: ExitHandler,
 *           onSpawn?: (spec: ServiceSpec, child: import('node:child_process').ChildProcess) => void }} options
 */
export function startServices(specs, { logsDir, cwd, print, onUnexpectedExit, onSpawn }) {
  mkdirSync(logsDir, { recursive: true });
  /** @type {Running[]} */
  const running = specs.map((spec) => {
    const logFile = freshLog(join(logsDir, `${spec.name}.log`));
    const file = createWriteStream(logFile, { flags: 'w' });
    /** @type {Promise<void>} */
    const logWritten = new Promise((resolve) => {
      file.once('close', resolve);
      file.once('error', () => resolve());
    });
    const child = spawn(process.execPath, [spec.entry], {
      cwd,
      env: spec.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    /** @type {Running} */
    const service = { spec, child, tail: new Tail(TAIL_LINES), logFile, stopping: false, logWritten };
    for (const stream of /** @type {const} */ (['stdout', 'stderr'])) {
      const input = child[stream];
      if (!input) continue;
      createInterface({ input, crlfDelay: Infinity }).on('line', (line) => {
        file.write(`${line}\n`);
        service.tail.push(line);
        const text = consoleText(line, stream);
        if (text) print(spec.name, text);
      });
    }
    let reported = false;
    /** @param {string} how */
    const ended = (how) => {
      if (reported) return;
      reported = true;
      // 'close' comes after the output streams end, so the tail and the file are complete.
      file.end();
      if (!service.stopping) onUnexpectedExit(service, how);
    };
    child.once('error', (error) => ended(`could not be started: ${error.message}`));
    child.once('close', (code, signal) =>
      ended(signal ? `was killed by ${signal}` : `exited with code ${code}`),
    );
    onSpawn?.(spec, child);
    return service;
  });

  return {
    running,
    /**
     * SIGTERM to every service, SIGKILL to those still running after `timeoutMs`.
     * @param {number} [timeoutMs]
     * @returns {Promise<string[]>} the names of those that had to be killed
     */
    async stopAll(timeoutMs = 10_000) {
      for (const service of running) service.stopping = true;
      const outcomes = await Promise.all(
        running.map((service) => terminate(service.child, { signal: 'SIGTERM', timeoutMs })),
      );
      // The runner exits right after this: let the last lines reach the log files first.
      await Promise.race([Promise.all(running.map((service) => service.logWritten)), sleep(2_000)]);
      return running.filter((_, index) => outcomes[index] === 'killed').map((service) => service.spec.name);
    },
  };
}
