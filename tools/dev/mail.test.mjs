import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mailPlan } from './mail.mjs';

describe('mailPlan', () => {
  it('uses the mail server in SMTP_URL, starting nothing', () => {
    assert.deepEqual(mailPlan({ SMTP_URL: 'smtps://u:p@mail.example.com:465' }), { kind: 'given', smtpUrl: 'smtps://u:p@mail.example.com:465' });
  });

  it('starts a mail catcher when SMTP_URL is unset or empty', () => {
    assert.deepEqual(mailPlan({}), { kind: 'catcher' });
    assert.deepEqual(mailPlan({ SMTP_URL: ' ' }), { kind: 'catcher' });
  });
});
