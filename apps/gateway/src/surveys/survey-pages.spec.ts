import { surveyFormPage, surveyNoticePage } from './survey-pages';

const survey = { locale: 'fr', organisationName: 'Mimo & <Co>', reference: 'MIMO-2026-000042', scale: { min: 1, max: 5 } } as const;

describe(surveyFormPage.name, () => {
  it('asks the question in the customer’s language, with a labelled radio for each score in a fieldset', () => {
    const html = surveyFormPage(survey, '/surveys/abc');
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('Êtes-vous satisfait(e) de la manière dont votre réclamation a été résolue\u202f?');
    expect(html).toContain('Référence de la réclamation\u202f: MIMO-2026-000042');
    expect(html).toMatch(/<fieldset>\s*<legend>Votre réponse<\/legend>/);
    expect(html.match(/<input type="radio"/g)).toHaveLength(5);
    expect(html).toContain('<label for="score-5">5 – Très satisfait(e)</label>');
    expect(html).toContain('2\u202f000 caractères au maximum.');
  });

  it('escapes every value from outside', () => {
    const html = surveyFormPage(survey, '/surveys/abc', { errors: [], values: { comment: '</textarea><script>alert(1)</script>' } });
    expect(html).toContain('Mimo &amp; &lt;Co&gt;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;/textarea&gt;&lt;script&gt;');
  });

  it('lists errors at the top and ties each to its field', () => {
    const html = surveyFormPage({ ...survey, locale: 'en' }, '/surveys/abc', {
      errors: [
        { field: 'score', problem: 'choose-score' },
        { field: 'comment', problem: 'comment-too-long' },
      ],
      values: { comment: 'x' },
    });
    expect(html).toMatch(/<title>Error: Satisfaction survey/);
    expect(html).toMatch(/<div class="error-summary" role="alert"/);
    expect(html).toContain('<a href="#score-first">Choose one of the answers, from 1 to 5.</a>');
    expect(html).toContain('<fieldset aria-describedby="score-error">');
    expect(html).toContain('aria-describedby="comment-hint comment-error" aria-invalid="true"');
    expect(html).toContain('Your comment must be 2,000 characters or fewer.');
  });

  it('keeps the score chosen when it was on the scale', () => {
    const html = surveyFormPage(survey, '/surveys/abc', { errors: [{ field: 'comment', problem: 'comment-too-long' }], values: { score: 4 } });
    expect(html).toContain('value="4" required checked');
  });

  it('names only the ends of a scale other than 1 to 5', () => {
    const html = surveyFormPage({ ...survey, locale: 'vi', scale: { min: 0, max: 10 } }, '/surveys/abc');
    expect(html.match(/<input type="radio"/g)).toHaveLength(11);
    expect(html).toContain('>0 – Rất không hài lòng</label>');
    expect(html).toContain('>10 – Rất hài lòng</label>');
    expect(html).toContain('>5</label>');
  });
});

describe(surveyNoticePage.name, () => {
  it('thanks the customer in their language, naming the organisation', () => {
    const html = surveyNoticePage('vi', 'thanks', 'Mimo');
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('Mimo sẽ xem xét ý kiến này.');
  });

  it('says a link cannot be used without saying whether it ever existed', () => {
    expect(surveyNoticePage('en', 'not-found')).toContain('<h1>This survey link cannot be used</h1>');
  });
});
