import { createSecretKey, randomBytes } from 'node:crypto';
import { CustomerLookup } from './customer-lookup';

const key = (id: string) => ({ id, secret: createSecretKey(randomBytes(32)) });

describe(CustomerLookup.name, () => {
  const [old, current] = [key('old'), key('current')];

  it('hashes an address the same whatever its case and surrounding space', () => {
    const lookup = new CustomerLookup([current]);
    expect(lookup.of(' Ada@Example.org ')).toEqual(lookup.of('ada@example.org'));
    expect(lookup.of('ada@example.org')).not.toEqual(lookup.of('bob@example.org'));
  });

  it('does not hash to the address or to a plain SHA-256 of it', () => {
    const hashed = new CustomerLookup([current]).of('ada@example.org');
    expect(hashed.toString('utf8')).not.toContain('ada');
    expect(hashed).not.toEqual(new CustomerLookup([key('other')]).of('ada@example.org'));
  });

  it('still finds addresses hashed under a key that rotated out of first place', () => {
    const before = new CustomerLookup([old]).of('ada@example.org');
    expect(new CustomerLookup([current, old]).candidates('ada@example.org')).toContainEqual(before);
  });
});
