import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const BOUNDARY_RULES = new Set(['no-restricted-imports', 'no-restricted-syntax', '@nx/enforce-module-boundaries']);

// The workspace's own configuration, limited to the rules that draw boundaries: they need no
// type information, so the files need not exist and no TypeScript program is built.
const eslint = new ESLint({
  cwd: fileURLToPath(new URL('../..', import.meta.url)),
  overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
  ruleFilter: ({ ruleId }) => BOUNDARY_RULES.has(ruleId),
});

async function boundaryErrors(filePath, code) {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((message) => `${message.ruleId}: ${message.message}`);
}

describe('architecture boundaries in eslint.config.mjs', () => {
  it('refuses a transport client in contracts', async () => {
    const errors = await boundaryErrors('libs/contracts/src/fixture.ts', "import { connect } from 'nats';\nexport const open = connect;\n");
    assert.equal(errors.length, 1);
    assert.match(errors[0], /^no-restricted-imports: 'nats' import is restricted.*Pure libraries import no transport/);
  });

  it('refuses a database, Nest or transport in the policy, domain, config and transparency-log libraries', async () => {
    for (const [filePath, module] of [
      ['libs/policy/src/fixture.ts', '@mikro-orm/core'],
      ['libs/domain/src/fixture.ts', 'pg'],
      ['libs/config/src/fixture.ts', '@nestjs/common'],
      ['libs/transparency-log/src/fixture.ts', 'nats'],
    ]) {
      const errors = await boundaryErrors(filePath, `import * as m from '${module}';\nexport const used = m;\n`);
      assert.equal(errors.length, 1, `${filePath} importing ${module}`);
      assert.match(errors[0], /^no-restricted-imports: /);
    }
  });

  it('lets the same library import what it needs', async () => {
    assert.deepEqual(await boundaryErrors('libs/contracts/src/fixture.ts', "import { z } from 'zod';\nexport const id = z.uuid();\n"), []);
  });

  it('refuses an app importing another app', async () => {
    // The Nx rule only checks files of its project graph: the text is linted as an existing file's.
    const errors = await boundaryErrors('apps/gateway/src/main.ts', "import * as sla from '@complaints/sla';\nexport const used = sla;\n");
    assert.deepEqual(errors, ['@nx/enforce-module-boundaries: Imports of apps are forbidden']);
  });

  it("refuses a bench reaching into another project's build output", async () => {
    const errors = await boundaryErrors(
      'bench/sla/fixture.mjs',
      "import { TimerScheduler } from '../../apps/sla/dist/timers/index.js';\nexport const used = TimerScheduler;\n",
    );
    assert.ok(errors.length > 0);
    assert.ok(errors.every((error) => error.startsWith('no-restricted-imports: ')));
  });
});
