import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ExportRecord, verifyExport } from '../register/export-check';

const USAGE = `usage: npm run audit:verify -- <export.ndjson> --key <verifier key> [--checkpoint <saved-note.txt>]

Verifies a register export (GET /v1/audit/export) offline: the hash chain, every entry's
hash and payload digest, the Merkle root against the signed checkpoint, and the signature
with the verifier key you pinned (GET /v1/audit/public-key, "verifierKey"). With a
checkpoint you saved earlier, also that the register was only appended to since.
An export of a range (GET /v1/audit/export?from&to) is checked against the latest
checkpoint through the range proof it ends with; a saved checkpoint needs a whole export.
Exits 0 when everything verifies, 1 when something does not, 2 on bad usage.`;

/**
 * `npm run audit:verify`: an auditor's check of a register export that trusts nothing but the
 * verifier key they pinned. It needs no database, no NATS and no running service.
 */
async function main(argv: readonly string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { key: { type: 'string' }, checkpoint: { type: 'string' }, help: { type: 'boolean' } },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const [file] = parsed.positionals;
  const { key, checkpoint, help } = parsed.values;
  if (help || !file || !key) {
    process.stderr.write(`${USAGE}\n`);
    return help ? 0 : 2;
  }
  const records = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as ExportRecord);
  const saved = checkpoint === undefined ? undefined : readFileSync(checkpoint, 'utf8');
  const result = await verifyExport(records, key, saved);
  process.stdout.write(`${JSON.stringify(result)}\n`);
  return result.ok ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`audit:verify: ${(error as Error).message}\n`);
    process.exit(2);
  },
);
