import { Webhook } from 'standardwebhooks';
import { newSigningSecret, signedHeaders } from './webhook-signature';

describe(signedHeaders.name, () => {
  const secret = newSigningSecret();
  const body = JSON.stringify({ id: '0190f7a0-0000-7000-8000-000000000001', type: 'complaint.resolved', data: { policyId: 'mimo' } });
  const now = new Date();

  it('signs so that a Standard Webhooks receiver verifies the body', () => {
    const headers = signedHeaders(secret, 'delivery-1', now, body);
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
    expect(headers['webhook-id']).toBe('delivery-1');
    expect(headers['webhook-timestamp']).toBe(String(Math.floor(now.getTime() / 1000)));
  });

  it('fails verification for a changed body, another secret or another id', () => {
    const headers = signedHeaders(secret, 'delivery-1', now, body);
    expect(() => new Webhook(secret).verify(body.replace('mimo', 'mit'), headers)).toThrow();
    expect(() => new Webhook(newSigningSecret()).verify(body, headers)).toThrow();
    expect(() => new Webhook(secret).verify(body, { ...headers, 'webhook-id': 'delivery-2' })).toThrow();
  });
});

describe(newSigningSecret.name, () => {
  it('gives whsec_ and 32 random bytes, different every time', () => {
    const secret = newSigningSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(secret.slice('whsec_'.length), 'base64')).toHaveLength(32);
    expect(newSigningSecret()).not.toBe(secret);
  });
});
