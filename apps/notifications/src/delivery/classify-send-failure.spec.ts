import { classifySendFailure } from './classify-send-failure';

describe(classifySendFailure.name, () => {
  it('never retries what the server refused with a 5xx', () => {
    expect(classifySendFailure(Object.assign(new Error('550 no such user'), { code: 'EENVELOPE', responseCode: 550 }))).toEqual({ errorClass: 'refused', code: 550 });
    expect(classifySendFailure(Object.assign(new Error('554 rejected'), { code: 'EMESSAGE', responseCode: 554 }))).toEqual({ errorClass: 'refused', code: 554 });
  });

  it('retries a 4xx, a refused connection or a timeout', () => {
    expect(classifySendFailure(Object.assign(new Error('451 try later'), { code: 'EMESSAGE', responseCode: 451 }))).toEqual({ errorClass: 'temporary', code: 451 });
    expect(classifySendFailure(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ESOCKET' }))).toEqual({ errorClass: 'temporary', code: null });
    expect(classifySendFailure(Object.assign(new Error('Greeting never received'), { code: 'ETIMEDOUT' }))).toEqual({ errorClass: 'temporary', code: null });
    expect(classifySendFailure('something odd')).toEqual({ errorClass: 'temporary', code: null });
  });
});
