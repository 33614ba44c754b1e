import { MESSAGE_TYPES } from '@complaints/domain';
import { PolicyDocument, builtInPolicy } from '@complaints/policy';
import { chooseLocale } from './choose-locale';
import { ComposeInput, composeMessage } from './compose-message';
import { SUPPORTED_LOCALES } from './message-templates';

const COMPLAINT_ID = '0193a0b1-7c2e-7000-8000-000000000001';

function input(overrides: Partial<ComposeInput> & { policy?: PolicyDocument } = {}): ComposeInput {
  return {
    type: 'acknowledged',
    facts: { occurredAt: '2026-03-14T13:05:00Z' },
    complaintId: COMPLAINT_ID,
    reference: 'IMOLOCALE-2026-000042',
    policy: builtInPolicy('imolocale'),
    customer: { name: 'Nguyễn Thị Lan' },
    note: null,
    survey: null,
    ...overrides,
  };
}

describe(chooseLocale.name, () => {
  it('takes the customer’s language, then the policy’s first, then English', () => {
    expect(chooseLocale('vi', ['fr'])).toBe('vi');
    expect(chooseLocale('fr-CA', ['en'])).toBe('fr');
    expect(chooseLocale('de', ['fr'])).toBe('fr');
    expect(chooseLocale(undefined, ['vi'])).toBe('vi');
    expect(chooseLocale('de', ['de'])).toBe('en');
  });
});

describe(composeMessage.name, () => {
  it('writes every message in every language, the reference in each subject', () => {
    for (const locale of SUPPORTED_LOCALES) {
      for (const type of MESSAGE_TYPES) {
        const message = composeMessage(input({ type, customer: { name: 'Ada', locale } }));
        expect(message.locale).toBe(locale);
        expect(message.subject).toContain('IMOLOCALE-2026-000042');
        expect(message.text).not.toMatch(/[{}]/);
        expect(message.overrideRejected).toBe(false);
      }
    }
  });

  it('greets the customer in French under imolocale, with the date in Paris time', () => {
    const message = composeMessage(input({ type: 'received', customer: { name: 'Camille Martin' } }));
    expect(message.locale).toBe('fr');
    expect(message.subject).toBe('Nous avons bien reçu votre réclamation – référence IMOLOCALE-2026-000042');
    expect(message.text).toContain('Bonjour Camille Martin,');
    expect(message.text).toContain('le samedi 14 mars 2026 à 14:05');
  });

  it('writes Vietnamese for MiT, the date in Ho Chi Minh City time', () => {
    const message = composeMessage(
      input({ policy: builtInPolicy('mit'), type: 'expected_date', facts: { occurredAt: '2026-03-14T13:05:00Z', expectedAt: '2026-03-20T10:00:00Z' } }),
    );
    expect(message.locale).toBe('vi');
    expect(message.subject).toBe('Thời hạn dự kiến giải quyết khiếu nại IMOLOCALE-2026-000042');
    expect(message.text).toContain('Kính gửi Quý khách Nguyễn Thị Lan,');
    expect(message.text).toContain('trước lúc 17:00 Thứ Sáu, 20 tháng 3, 2026');
  });

  it('quotes the agent’s own text in a response, and escapes it in the HTML part', () => {
    const message = composeMessage(
      input({
        policy: builtInPolicy('mimo'),
        type: 'response',
        facts: { occurredAt: '2026-03-14T13:05:00Z', responseType: 'findings' },
        note: 'The parcel was left at <the depot> & returned.',
      }),
    );
    expect(message.subject).toBe('Our findings on your complaint IMOLOCALE-2026-000042');
    expect(message.text).toContain('\n\nThe parcel was left at <the depot> & returned.\n\n');
    expect(message.html).toContain('<html lang="en">');
    expect(message.html).toContain('The parcel was left at &lt;the depot&gt; &amp; returned.');
    expect(message.html).not.toMatch(/<img|<script/);
  });

  it('links the survey in a resolution message when there is one', () => {
    const survey = { url: 'https://complaints.example/surveys/abc', expiresAt: '2026-03-21T13:05:00Z' };
    const message = composeMessage(input({ policy: builtInPolicy('mimo'), type: 'resolved', survey }));
    expect(message.text).toContain('short survey before Saturday, March 21, 2026 at 1:05 PM:\nhttps://complaints.example/surveys/abc');
    expect(message.html).toContain('<a href="https://complaints.example/surveys/abc">');
    expect(composeMessage(input({ policy: builtInPolicy('mimo'), type: 'resolved' })).text).not.toContain('survey');
  });

  it('names the reason a complaint was closed', () => {
    const message = composeMessage(input({ type: 'closed', facts: { occurredAt: '2026-03-14T13:05:00Z', reason: 'no_response' } }));
    expect(message.text).toContain('est désormais close, faute de réponse de votre part.');
  });

  it('tells the customer a closure was withdrawn and the complaint is open again', () => {
    const message = composeMessage(input({ type: 'closure_withdrawn', facts: { occurredAt: '2026-03-14T13:05:00Z' } }));
    expect(message.subject).toBe('Votre réclamation IMOLOCALE-2026-000042 est à nouveau ouverte');
    expect(message.text).toContain('Cette clôture était une erreur');
  });

  it('sums up the history in a progress update', () => {
    const message = composeMessage(
      input({
        type: 'progress_update',
        facts: {
          occurredAt: '2026-03-15T13:05:00Z',
          history: [
            { type: 'received', at: '2026-03-14T13:05:00Z' },
            { type: 'response', at: '2026-03-14T15:00:00Z', responseType: 'first_reply' },
            { type: 'escalated', at: '2026-03-15T13:05:00Z', levelName: 'Problem-resolution team' },
          ],
        },
      }),
    );
    expect(message.subject).toBe('Point d’étape sur votre réclamation IMOLOCALE-2026-000042');
    expect(message.text).toContain('– 14 mars 2026, 14:05 : réception de votre réclamation\n– 14 mars 2026, 16:00 : envoi de notre première réponse\n– 15 mars 2026, 14:05 : transmission à l’échelon « Problem-resolution team »');
  });

  it('uses a policy’s own text for a locale, and keeps the reference in the subject', () => {
    const policy = builtInPolicy('imolocale');
    const withOverride = { ...policy, notifications: { ...policy.notifications, templates: { fr: { acknowledged: { subject: 'Nous nous occupons de vous' } } } } };
    const message = composeMessage(input({ policy: withOverride }));
    expect(message.subject).toBe('Nous nous occupons de vous [IMOLOCALE-2026-000042]');
    expect(message.text).toContain('Nous accusons réception');
  });

  it('falls back to the built-in text when the policy’s own does not format', () => {
    const policy = builtInPolicy('imolocale');
    const broken = { ...policy, notifications: { ...policy.notifications, templates: { fr: { acknowledged: { text: 'Bonjour {unknown}' } } } } };
    const message = composeMessage(input({ policy: broken }));
    expect(message.overrideRejected).toBe(true);
    expect(message.text).toContain('Nous accusons réception');
  });

  it('writes team messages in the policy’s language', () => {
    const message = composeMessage(
      input({
        type: 'team_escalation',
        customer: undefined,
        facts: { occurredAt: '2026-03-15T13:05:00Z', level: 2, levelName: 'Problem-resolution team', trigger: 'clock_breach', metric: 'escalation_level_2' },
      }),
    );
    expect(message.subject).toBe('[IMOLOCALE-2026-000042] Réclamation transmise au niveau 2 : Problem-resolution team');
    expect(message.text).toContain('car l’échéance escalation_level_2 est dépassée');
  });
});
