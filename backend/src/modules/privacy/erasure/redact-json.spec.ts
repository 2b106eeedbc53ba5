import { mentionsPerson, REDACTED, redactJson, usableNeedles } from './redact-json';

const needles = usableNeedles({
  identities: ['jeanne_r', 'Jeanne Rivière', 'Jo'],
  texts: ['Toujours pas reçu ma commande, trois semaines que j’attends !', 'ok'],
});

describe('erasure JSON redaction', () => {
  it('drops needles too short to be distinctive', () => {
    expect(needles.identities).toEqual(['jeanne_r', 'jeanne rivière']);
    expect(needles.texts).toHaveLength(1);
  });

  it('recognises names, handles, whole quotes and truncated excerpts, case and spacing aside', () => {
    expect(mentionsPerson('Top commentatrice : @Jeanne_R', needles)).toBe(true);
    expect(mentionsPerson('JEANNE  RIVIÈRE a écrit', needles)).toBe(true);
    expect(mentionsPerson('« Toujours pas reçu ma commande, trois semaines que j’attends ! »', needles)).toBe(true);
    expect(mentionsPerson('Toujours pas reçu ma commande, trois…', needles)).toBe(true);
    expect(mentionsPerson('Toujours pas…', needles)).toBe(false); // too short an excerpt to attribute
    expect(mentionsPerson('Jonathan a aimé', needles)).toBe(false);
    expect(mentionsPerson('ok', needles)).toBe(false);
  });

  it('replaces matching strings anywhere in the structure and keeps everything else', () => {
    const figures = {
      month: '2025-10',
      interactions: 1234,
      highlights: [
        { kind: 'top_comment', text: 'Toujours pas reçu ma commande, trois semaines que j’attends !', author: 'jeanne_r', likes: 12 },
        { kind: 'top_comment', text: 'Super service, merci', author: 'paul_m', likes: 3 },
      ],
      inbound: { notable: ['Jeanne Rivière propose un partenariat'] },
    };
    const r = redactJson(figures, needles);
    expect(r.changed).toBe(true);
    expect(r.value).toEqual({
      month: '2025-10',
      interactions: 1234,
      highlights: [
        { kind: 'top_comment', text: REDACTED, author: REDACTED, likes: 12 },
        { kind: 'top_comment', text: 'Super service, merci', author: 'paul_m', likes: 3 },
      ],
      inbound: { notable: [REDACTED] },
    });
    expect(redactJson({ a: 'rien à voir', n: null }, needles)).toEqual({ value: { a: 'rien à voir', n: null }, changed: false });
  });
});
