module.exports = { ...require('../../jest.preset.cjs'), displayName: 'system-e2e' };
