import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { BENCHMARKS, selectBenchmarks } from './run.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

test('with no name, every benchmark that needs no running system, in order', () => {
  const { selected } = selectBenchmarks([]);
  assert.deepEqual(selected, ['deadlines', 'open-clocks', 'report', 'what-if', 'register', 'email-delivery']);
});

test('names choose benchmarks, once each; a running system one only when named', () => {
  assert.deepEqual(selectBenchmarks(['report', 'submit-complaints', 'report']).selected, ['report', 'submit-complaints']);
});

test('an unknown name is refused with the known ones', () => {
  assert.throws(() => selectBenchmarks(['reports']), /unknown benchmark reports: one of deadlines, open-clocks, report/);
});

test('every benchmark file exists, and every file of bench/ is listed', async () => {
  const { readdir } = await import('node:fs/promises');
  const files = (await readdir(join(ROOT, 'bench'), { recursive: true })).filter((file) => file.endsWith('.bench.mjs'));
  assert.deepEqual(
    files.map((file) => `bench/${file}`).sort(),
    Object.values(BENCHMARKS)
      .map((benchmark) => benchmark.file)
      .sort(),
  );
  for (const { file } of Object.values(BENCHMARKS)) assert.ok(existsSync(join(ROOT, file)), file);
});
