import { normalizeText, tokenize } from '..';

describe('normalizeText', () => {
  it.each([
    ['Réclamation', 'reclamation'],
    ['ÉTÉ', 'ete'],
    ['Cœur ŒUVRE', 'coeur oeuvre'],
    ['ex æquo', 'ex aequo'],
    ['Straße', 'strasse'],
    ['ﬁnal', 'final'], // compatibility ligature fi
    ['Ça VA', 'ca va'],
    ['naïve Noël', 'naive noel'],
    ['plain ascii', 'plain ascii'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});

const show = (text: string): string[] =>
  tokenize(text).map(
    (t) => `${t.kind === 'word' ? '' : t.kind === 'hashtag' ? '#' : '@'}${t.norm}`,
  );

describe('tokenize', () => {
  it.each<[string, string, string[]]>([
    ['French apostrophes', "L'avion d’Air France", ['l', 'avion', 'd', 'air', 'france']],
    ['hyphens split words', 'porte-monnaie', ['porte', 'monnaie']],
    ['hashtags and handles', '#Vigie merci @Jean_Dupont', ['#vigie', 'merci', '@jean_dupont']],
    ['emoji separate words', 'top🔥️génial👍🏽!', ['top', 'genial']],
    ['emoji next to a hashtag', '#vigie🔥', ['#vigie']],
    ['sigil after a word char is not a sigil', 'C# jean@mail.fr', ['c', 'jean', 'mail', 'fr']],
    [
      'URL keeps only plain words',
      'voir https://vigie.fr/a#b?u=@x.',
      ['voir', 'https', 'vigie', 'fr', 'a', 'b', 'u', 'x'],
    ],
    ['www URL', '(www.Vigie.fr)', ['www', 'vigie', 'fr']],
    [
      'Bluesky and Mastodon handles',
      '@vigie.bsky.social @user@mastodon.social.',
      ['@vigie.bsky.social', '@user@mastodon.social'],
    ],
    ['numbers', 'le 14/07 à 21h30', ['le', '14', '07', 'a', '21h30']],
    ['lone sigils are separators', '# @ #! @@', []],
    ['ligatures inside words', 'sœur', ['soeur']],
  ])('%s', (_name, text, expected) => {
    expect(show(text)).toEqual(expected);
  });

  it('gives offsets in the original text (sigil included, accents kept)', () => {
    const text = "Aïe, l'été #Été 🙂 @Bob";
    const tokens = tokenize(text);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual([
      'Aïe',
      'l',
      'été',
      '#Été',
      '@Bob',
    ]);
    expect(tokens.map((t) => t.norm)).toEqual(['aie', 'l', 'ete', 'ete', 'bob']);
    expect(tokens.map((t) => t.kind)).toEqual(['word', 'word', 'word', 'hashtag', 'handle']);
  });

  it('keeps offsets right when decomposed accents are used (e + U+0301)', () => {
    const text = 'cafe\u0301 ok';
    const tokens = tokenize(text);
    expect(tokens.map((t) => [t.norm, t.start, t.end])).toEqual([
      ['cafe', 0, 5],
      ['ok', 6, 8],
    ]);
  });
});
