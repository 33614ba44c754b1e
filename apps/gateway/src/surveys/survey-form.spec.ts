import { SurveyFormBody, parseSurveyForm } from './survey-form';

const scale = { min: 1, max: 5 };
const form = (text: string): SurveyFormBody => ({ kind: 'fields', fields: new URLSearchParams(text) });

describe(parseSurveyForm.name, () => {
  it('reads a score on the scale and an optional comment', () => {
    expect(parseSurveyForm(form('score=4&comment=%20Quick%20and%20kind%20'), scale)).toEqual({ ok: true, score: 4, comment: 'Quick and kind' });
    expect(parseSurveyForm(form('score=1&comment='), scale)).toEqual({ ok: true, score: 1, comment: null });
    expect(parseSurveyForm(form('score=5'), scale)).toEqual({ ok: true, score: 5, comment: null });
  });

  it.each(['score=0', 'score=6', 'score=abc', 'score=2.5', 'score=', 'comment=hello', ''])('asks again for a score on the scale when sent %p', (text) => {
    expect(parseSurveyForm(form(text), scale)).toMatchObject({ ok: false, status: 422, errors: [{ field: 'score', problem: 'choose-score' }] });
  });

  it('refuses a comment over 2,000 characters, counting characters rather than bytes, and keeps what was typed', () => {
    const long = 'ệ'.repeat(2001);
    expect(parseSurveyForm(form(`score=3&comment=${encodeURIComponent(long)}`), scale)).toEqual({
      ok: false,
      status: 422,
      errors: [{ field: 'comment', problem: 'comment-too-long' }],
      values: { score: 3, comment: long },
    });
    expect(parseSurveyForm(form(`score=3&comment=${encodeURIComponent('ệ'.repeat(2000))}`), scale).ok).toBe(true);
  });

  it('refuses a form with a field it does not have, or a field twice', () => {
    for (const text of ['score=4&admin=true', 'score=4&score=1', 'score=4&comment=a&comment=b']) {
      expect(parseSurveyForm(form(text), scale)).toMatchObject({ ok: false, status: 400, errors: [{ field: 'form', problem: 'form-changed' }] });
    }
  });

  it('says why a body could not be read at all', () => {
    expect(parseSurveyForm({ kind: 'too-large' }, scale)).toMatchObject({ status: 413, errors: [{ problem: 'too-large' }] });
    expect(parseSurveyForm({ kind: 'not-a-form' }, scale)).toMatchObject({ status: 415 });
  });
});
