// Where the runner keeps its state: everything under .local/ (git-ignored).

import { existsSync, readFileSync, renameSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const localDir = join(repoRoot, '.local');

export const paths = {
  postgresData: join(localDir, 'postgres'),
  natsStore: join(localDir, 'nats'),
  logs: join(localDir, 'logs'),
  mail: join(localDir, 'mail'),
  runState: join(localDir, 'run', 'processes.json'),
};

/** @param {string} name a service or `postgres` / `nats` */
export function logFile(name) {
  return join(paths.logs, `${name}.log`);
}

/**
 * Moves last run's log aside (x.log -> x.previous.log): it may explain why that run failed.
 * @param {string} file
 * @returns {string} the file, now free for this run
 */
export function freshLog(file) {
  if (existsSync(file)) renameSync(file, file.replace(/\.log$/, '.previous.log'));
  return file;
}

/**
 * A path as the user should read it: relative to the repository when inside it.
 * @param {string} path
 */
export function shown(path) {
  const rel = relative(repoRoot, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/**
 * The last `count` non-empty lines of a log file, indented for the console ('' if unreadable).
 * @param {string} file
 * @param {number} [count]
 */
export function logTail(file, count = 8) {
  try {
    const lines = readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.trim());
    return lines
      .slice(-count)
      .map((line) => `\n    ${line}`)
      .join('');
  } catch {
    return '';
  }
}
