import { analyze } from '../index';

describe('language detection', () => {
  it.each([
    ["Bonjour, est-ce que vous livrez à Lyon ? Merci d'avance", 'fr'],
    ['Toujours pas reçu ma commande, c’est vraiment pas sérieux', 'fr'],
    ['Hi, do you ship to Canada? Thanks in advance', 'en'],
    ['This is the best coffee I have ever had', 'en'],
    ['Hallo, hebben jullie dit ook in het blauw? Bedankt!', 'nl'],
    ['Ik ben erg tevreden met mijn bestelling', 'nl'],
    ['Hallo, habt ihr das auch in Blau? Vielen Dank für die schnelle Lieferung', 'de'],
    ['Ich bin sehr zufrieden mit der Bestellung', 'de'],
    ['Hola, ¿hacen envíos a México? Muchas gracias', 'es'],
    ['Me encanta este producto, es muy bueno', 'es'],
  ])('%s → %s', (text, lang) => {
    const a = analyze(text);
    // Only fr/en are read; other languages are reported as 'und' with what was detected.
    expect(a.language).toBe(lang === 'fr' || lang === 'en' ? lang : 'und');
    expect(a.detectedLanguage).toBe(lang);
  });

  it.each(['ok', 'lol', '😍😍', 'Super', '@user http', '', '12345', 'Merci'])('%s → und (too short to tell)', (text) => {
    expect(analyze(text).language).toBe('und');
  });

  it('uses the hint only to break near-ties', () => {
    expect(analyze('Merci pour tout', { languageHint: 'fr' }).language).toBe('fr');
    expect(analyze('This is the best coffee I have ever had', { languageHint: 'fr' }).language).toBe('en');
  });
});
