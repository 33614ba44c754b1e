module.exports = { ...require('../../jest.preset.cjs'), displayName: 'transparency-log' };
