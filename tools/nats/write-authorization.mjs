// Writes the NATS `authorization` block (one user per service, least-privilege subjects) that
// deploy/ ships, from libs/messaging's table of what each service does on the bus.
// Run with `npm run nats:authorization` after changing that table; a test fails until you do.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { renderNatsAuthorization } = require('../../libs/messaging/dist/index.js');

for (const path of ['deploy/nats/authorization.conf', 'deploy/k8s/base/nats/authorization.conf']) {
  writeFileSync(new URL(`../../${path}`, import.meta.url), renderNatsAuthorization());
  console.log(`wrote ${path}`);
}
