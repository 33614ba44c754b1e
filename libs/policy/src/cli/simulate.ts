#!/usr/bin/env node
import { simulate } from './simulate-command';

process.exitCode = simulate(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
