import { redactSecretPath } from './secret-paths';

describe(redactSecretPath.name, () => {
  it("replaces a survey link's token, keeping the rest of the address", () => {
    expect(redactSecretPath('/surveys/AbC_d-123')).toBe('/surveys/:token');
    expect(redactSecretPath('/surveys/AbC_d-123?x=1')).toBe('/surveys/:token?x=1');
    expect(redactSecretPath('http://127.0.0.1:3000/surveys/AbC_d-123')).toBe('http://127.0.0.1:3000/surveys/:token');
  });

  it('leaves every other address as it is', () => {
    for (const url of ['/v1/surveys/stats?policyId=mimo', 'http://host/v1/surveys/stats', '/v1/complaints/1/surveys', '/assets/survey.css', '/surveys']) {
      expect(redactSecretPath(url)).toBe(url);
    }
  });
});
