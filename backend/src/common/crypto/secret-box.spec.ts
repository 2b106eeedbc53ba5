import { randomBytes } from 'node:crypto';
import { SecretBox } from './secret-box';

describe('SecretBox', () => {
  const box = new SecretBox(randomBytes(32));

  it('round-trips and never stores the plaintext', () => {
    const sealed = box.sealJson({ accessToken: 'EAAB-secret-token' });
    expect(sealed.toString('utf8')).not.toContain('EAAB-secret-token');
    expect(box.openJson<{ accessToken: string }>(sealed)).toEqual({ accessToken: 'EAAB-secret-token' });
  });

  it('uses a fresh IV each time', () => {
    expect(box.seal('x').equals(box.seal('x'))).toBe(false);
  });

  it('rejects tampered ciphertext and other keys', () => {
    const sealed = box.seal('hello');
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1] ^= 1;
    expect(() => box.open(tampered)).toThrow();
    expect(() => new SecretBox(randomBytes(32)).open(sealed)).toThrow();
  });
});
