// The fault suite is one file of about two minutes: started first, it runs beside the other
// end-to-end files on the second worker instead of alone at the end of the run.
const Sequencer = require('@jest/test-sequencer').default;

class FaultsFirstSequencer extends Sequencer {
  sort(tests) {
    const isFaultSuite = (test) => test.path.endsWith('.faults.spec.ts');
    return [...super.sort(tests.filter(isFaultSuite)), ...super.sort(tests.filter((test) => !isFaultSuite(test)))];
  }
}

module.exports = FaultsFirstSequencer;
