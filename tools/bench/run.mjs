#!/usr/bin/env node
// npm run bench: runs the benchmarks of bench/ one after another, each after building what it
// imports, and prints their figures (BENCHMARKS.md says what each measures and how to read it).
// Run it on a quiet machine: the benchmarks measure the machine as much as the code.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Every benchmark: the projects it imports from their builds, node flags, and whether it needs
 * a running system (`npm start`) rather than starting what it measures itself.
 */
export const BENCHMARKS = {
  deadlines: { file: 'bench/policy/deadlines.bench.mjs', builds: ['@complaints/policy'] },
  'open-clocks': { file: 'bench/sla/open-clocks.bench.mjs', builds: ['@complaints/sla'] },
  report: { file: 'bench/sla/report.bench.mjs', builds: ['@complaints/sla'] },
  'what-if': { file: 'bench/sla/what-if.bench.mjs', builds: ['@complaints/sla'], nodeFlags: ['--expose-gc'] },
  register: { file: 'bench/audit/register.bench.mjs', builds: ['@complaints/audit'] },
  'email-delivery': { file: 'bench/notifications/email-delivery.bench.mjs', builds: ['@complaints/notifications'] },
  'submit-complaints': { file: 'bench/api/submit-complaints.bench.mjs', builds: [], needsRunningSystem: true },
};

export const USAGE = `usage: npm run bench [-- <name>...]
  with no name, every benchmark that starts what it measures itself, in turn:
    ${Object.keys(BENCHMARKS)
      .filter((name) => !BENCHMARKS[name].needsRunningSystem)
      .join(', ')}
  submit-complaints measures a running system: start one (npm start) and name it.
  Each benchmark's options are environment variables (BENCH_*), listed in its file and in BENCHMARKS.md.`;

/** The benchmarks to run, in order, from the command line's names. */
export function selectBenchmarks(names) {
  if (names.includes('--help') || names.includes('-h')) return { help: true, selected: [] };
  const unknown = names.filter((name) => !(name in BENCHMARKS));
  if (unknown.length > 0) {
    throw new Error(`unknown benchmark ${unknown.join(', ')}: one of ${Object.keys(BENCHMARKS).join(', ')}`);
  }
  const selected = names.length > 0 ? names : Object.keys(BENCHMARKS).filter((name) => !BENCHMARKS[name].needsRunningSystem);
  return { help: false, selected: [...new Set(selected)] };
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  return result.status ?? 1;
}

function main(argv) {
  let choice;
  try {
    choice = selectBenchmarks(argv);
  } catch (error) {
    console.error(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (choice.help) {
    console.log(USAGE);
    return 0;
  }
  const builds = [...new Set(choice.selected.flatMap((name) => BENCHMARKS[name].builds))];
  if (builds.length > 0 && run('npx', ['nx', 'run-many', '-t', 'build', '-p', ...builds, '--outputStyle=static']) !== 0) return 1;
  for (const name of choice.selected) {
    const { file, nodeFlags = [] } = BENCHMARKS[name];
    console.log(`\n== ${name} (${file})`);
    const status = run(process.execPath, [...nodeFlags, file]);
    if (status !== 0) {
      console.error(`benchmark ${name} failed (exit ${status})`);
      return status;
    }
  }
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = main(process.argv.slice(2));
