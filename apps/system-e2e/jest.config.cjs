// System tests start the built services as real processes; give them time to boot.
module.exports = { ...require('../../jest.preset.cjs'), displayName: 'system-e2e', testTimeout: 90_000 };
