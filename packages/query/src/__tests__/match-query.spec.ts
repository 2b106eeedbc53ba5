import { compileQuery, matchQuery, prepareDoc } from '..';
import type { QueryDoc } from '..';

const matches = (query: string, text: string, meta: Omit<QueryDoc, 'text'> = {}): boolean =>
  matchQuery(query, { text, ...meta }).matched;

describe('matchQuery: boolean semantics', () => {
  it.each<[string, string, string, boolean]>([
    // case and accents, both directions
    ['accent-less query finds accented text', 'reclamation', 'Une RÉCLAMATION urgente', true],
    ['accented query finds plain text', 'ÉTÉ', 'un ete chaud', true],
    ['case', 'VIGIE', 'vigie', true],
    ['ligature in text', 'coeur', 'Au cœur du sujet', true],
    ['ligature in query', 'œuvre', "Une OEUVRE d'art", true],
    ['æ', 'aequo', 'ex æquo', true],
    // word boundaries and prefixes
    ['no substring match', 'cat', 'category', false],
    ['no match inside a word', 'cat', 'concat', false],
    ['prefix', 'cat*', 'category', true],
    ['prefix matches the bare word', 'cat*', 'cat', true],
    ['prefix is anchored at the word start', 'cat*', 'concat', false],
    ['accented prefix', 'récla*', 'RECLAMATIONS', true],
    // hashtags and handles
    ['hashtag matches hashtag', '#vigie', 'merci #Vigie', true],
    ['hashtag does not match a plain word', '#vigie', 'merci vigie', false],
    ['word matches a hashtag body', 'vigie', 'merci #Vigie', true],
    ['word matches a handle body', 'vigie', 'merci @vigie', true],
    ['handle does not match a hashtag', '@vigie', 'merci #vigie', false],
    ['handle matches handle', '@vigie', 'cc @Vigie.', true],
    ['handle is whole', '@vigie', 'cc @vigie_app', false],
    ['hashtag prefix', '#vig*', '#VigieApp rocks', true],
    ['email is not a handle', '@mail', 'jean@mail.fr', false],
    // phrases
    ['phrase contiguous', '"service client"', 'le service client répond', true],
    ['phrase across punctuation', '"service client"', 'service, client!', true],
    ['phrase across hyphen', '"service client"', 'service-client', true],
    ['phrase with a gap', '"service client"', 'service du client', false],
    ['phrase order', '"service client"', 'client service', false],
    ['phrase with prefix', '"service cli*"', 'Service Clientèle', true],
    ['phrase over a hashtag body', '"vigie rocks"', '#vigie rocks', true],
    ['phrase at the end of the text', '"au revoir"', 'bon, au revoir', true],
    // French apostrophes
    ['word after an apostrophe', 'avion', "l'avion décolle", true],
    ['curly apostrophe', 'avion', 'l’avion', true],
    ["query l'avion is a phrase", "l'avion", "L'AVION", true],
    ["query l'avion needs both parts", "l'avion", 'un avion', false],
    ['aujourd’hui', "aujourd'hui", 'Aujourd’hui il pleut', true],
    // URLs
    ['domain as phrase', 'vigie.fr', 'voir https://www.vigie.fr/prix', true],
    ['URL fragment is not a hashtag', '#prix', 'https://vigie.fr/#prix', false],
    // boolean operators
    ['implicit AND true', 'vigie veille', 'la veille avec vigie', true],
    ['implicit AND false', 'vigie veille', 'la vigie', false],
    ['OR', 'vigie OR veille', 'la veille', true],
    ['NOT excludes', 'vigie NOT spam', 'vigie spam', false],
    ['NOT keeps', 'vigie NOT spam', 'vigie propre', true],
    ['minus shorthand', 'vigie -spam', 'vigie SPAM', false],
    ['precedence: a OR b c with only a', 'a OR b c', 'a', true],
    ['precedence: a OR b c with only b', 'a OR b c', 'b', false],
    ['precedence: a OR b c with b and c', 'a OR b c', 'c b', true],
    ['nested parentheses', '((a OR b) (c OR (d NOT e)))', 'b d', true],
    ['nested parentheses with exclusion', '((a OR b) (c OR (d NOT e)))', 'b d e', false],
    ['nested parentheses, other branch', '((a OR b) (c OR (d NOT e)))', 'b d e c', true],
    ['double negation', 'a NOT NOT b', 'a b', true],
    ['double negation without b', 'a NOT NOT b', 'a', false],
    ['NOT of NEAR', 'x NOT (a NEAR/1 b)', 'x a z b', false],
    ['NOT of NEAR, far apart', 'x NOT (a NEAR/1 b)', 'x a z z b', true],
    // NEAR
    ['NEAR adjacent', 'prix NEAR/2 hausse', 'prix hausse', true],
    ['NEAR reversed order', 'prix NEAR/2 hausse', 'hausse des prix', true],
    ['NEAR boundary: n words between', 'a NEAR/3 b', 'a x x x b', true],
    ['NEAR boundary: n+1 words between', 'a NEAR/3 b', 'a x x x x b', false],
    ['NEAR reversed boundary', 'a NEAR/3 b', 'b x x x a', true],
    ['NEAR reversed boundary exceeded', 'a NEAR/3 b', 'b x x x x a', false],
    ['NEAR/0 means adjacent', 'a NEAR/0 b', 'b a', true],
    ['NEAR/0 rejects one word between', 'a NEAR/0 b', 'a x b', false],
    ['NEAR counts words, not punctuation', 'a NEAR/0 b', 'a, — b!', true],
    [
      'NEAR with a phrase, distance from its end',
      '"service client" NEAR/1 lent',
      'service client très lent',
      true,
    ],
    [
      'NEAR with a phrase, too far',
      '"service client" NEAR/1 lent',
      'service client vraiment très lent',
      false,
    ],
    ['NEAR with an OR group', '(prix OR tarif) NEAR/1 hausse', 'hausse du tarif', true],
    ['NEAR needs two distinct occurrences', 'vigie NEAR/3 vig*', 'vigie', false],
    ['NEAR with the same word twice', 'vigie NEAR/3 vig*', 'vigie et vigilance', true],
    ['chained NEAR', 'a NEAR/1 b NEAR/1 c', 'a b x c', true],
    ['chained NEAR too far', 'a NEAR/1 b NEAR/1 c', 'a b x x c', false],
  ])('%s: %s in %j → %s', (_name, query, text, expected) => {
    expect(matches(query, text)).toBe(expected);
  });
});

describe('matchQuery: filters', () => {
  it.each<[string, Omit<QueryDoc, 'text'>, boolean]>([
    ['vigie lang:fr', { lang: 'fr' }, true],
    ['vigie lang:fr', { lang: 'fr-FR' }, true],
    ['vigie lang:fr', { lang: 'fr_CA' }, true],
    ['vigie lang:fr', { lang: 'en' }, false],
    ['vigie lang:fr', { lang: 'fro' }, false],
    ['vigie lang:fr', {}, false],
    ['vigie NOT lang:fr', { lang: 'en' }, true],
    ['vigie NOT lang:fr', {}, true],
    ['vigie platform:youtube', { platform: 'YouTube' }, true],
    ['vigie platform:youtube', { platform: 'tiktok' }, false],
    ['vigie (platform:youtube OR platform:tiktok)', { platform: 'tiktok' }, true],
    ['vigie source:"Le Monde"', { source: 'le monde' }, true],
    ['vigie author:@jean', { author: 'Jean' }, true],
    ['vigie author:"Élodie Durand"', { author: 'elodie durand' }, true],
    ['vigie author:jean', { author: 'jeanne' }, false],
  ])('%s with %j → %s', (query, meta, expected) => {
    expect(matches(query, 'merci vigie', meta)).toBe(expected);
  });

  it('requires the text part too', () => {
    expect(matches('vigie lang:fr', 'rien à voir', { lang: 'fr' })).toBe(false);
  });
});

describe('matchQuery: spans', () => {
  const spansOf = (query: string, text: string): string[] =>
    matchQuery(query, { text }).spans.map((s) => text.slice(s.start, s.end));

  it.each<[string, string, string[]]>([
    ['reclamation', 'Ma RÉCLAMATION, encore une réclamation', ['RÉCLAMATION', 'réclamation']],
    ['"service client"', 'Le Service-Client est lent', ['Service-Client']],
    ['#vigie OR vigie', 'Bravo #Vigie et vigie', ['#Vigie', 'vigie']],
    ['vigie NOT spam', 'vigie rocks', ['vigie']],
    ['prix NEAR/2 hausse', 'hausse forte des prix, prix bas', ['hausse', 'prix']],
    ['(a OR b) c', 'a b c', ['a', 'b', 'c']],
    ['(a OR zz) c', 'a b c', ['a', 'c']],
    ['récla*', "l'Réclamations!", ['Réclamations']],
  ])('%s in %j → %j', (query, text, expected) => {
    expect(spansOf(query, text)).toEqual(expected);
  });

  it('returns no spans when the query does not match', () => {
    expect(matchQuery('a b', { text: 'a only' })).toEqual({ matched: false, spans: [] });
  });

  it('accepts a compiled query and a prepared document', () => {
    const q = compileQuery('vigie OR veille');
    const doc = prepareDoc({ text: 'La veille' });
    expect(matchQuery(q, doc)).toEqual({ matched: true, spans: [{ start: 3, end: 9 }] });
    expect(matchQuery(q.ast, doc).matched).toBe(true);
  });
});
