import { analyze } from '../index';

describe("languages Vigie does not read → 'und', sentiment not guessed", () => {
  it.each([
    ['Hallo, habt ihr das auch in Blau? Vielen Dank für die schnelle Lieferung', 'de'],
    ['Ich bin sehr zufrieden mit der Bestellung, wirklich super', 'de'],
    ['Me encanta este producto, es muy bueno', 'es'],
    ['Hola, ¿hacen envíos a México? Muchas gracias', 'es'],
    ['Ik ben erg tevreden met mijn bestelling', 'nl'],
    ['Questo prodotto è davvero fantastico, lo consiglio a tutti', 'it'],
    ['Eu adorei este produto, é muito bom e chegou rápido', 'pt'],
    ['مرحبا بكم، المنتج رائع جدا', 'und'],
    ['这个产品非常好，我很喜欢', 'und'],
    ['Отличный товар, всем рекомендую', 'und'],
  ])('%s (detected %s)', (text, detected) => {
    const a = analyze(text);
    expect(a.language).toBe('und');
    expect(a.detectedLanguage).toBe(detected);
    expect(a.sentiment).toEqual({ label: 'neutral', score: 0, reason: 'unsupported_language' });
  });

  it.each([
    ['😍😍', 'positive'],
    ['😡😡', 'negative'],
    ['Super', 'positive'],
  ])('too short to tell is not unsupported: %s is still read (%s)', (text, label) => {
    const a = analyze(text);
    expect(a.language).toBe('und');
    expect(a.sentiment.label).toBe(label);
    expect(a.sentiment.reason).not.toBe('unsupported_language');
  });
});

describe('irony, mixed language, neutral', () => {
  it.each([
    ['Super, encore une panne #ironie', 'negative', 'irony'],
    ['merci pour rien', 'negative', 'irony'],
    ['Thanks for nothing, support', 'negative', 'irony'],
    ['Génial 🙃 encore une panne', 'negative', 'irony'],
    ['Le service était so bad, really disappointed honestly', 'negative', 'mixed_language'],
    ['Le colis est arrivé hier.', 'neutral', null],
    ['', 'neutral', 'empty'],
  ])('%s → %s (%s)', (text, label, reason) => {
    const a = analyze(text);
    expect(a.sentiment.label).toBe(label);
    expect(a.sentiment.reason).toBe(reason);
  });
});
