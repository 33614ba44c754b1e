// System tests start the built services as real processes; give them time to boot. Each file
// runs on its own database, NATS namespace and ports, so two files run side by side: most of a
// file's time is spent waiting on the system's timers, not on the machine's cores.
module.exports = { ...require('../../jest.preset.cjs'), displayName: 'system-e2e', testTimeout: 90_000, maxWorkers: 2 };
