import { analyze } from '../index';

describe('toxicity', () => {
  it.each([
    ['Bande de connards', 'connards'],
    ['ferme ta gueule', 'ferme ta gueule'],
    ["T'es vraiment con", "t'es vraiment con"],
    ['je vais te retrouver', 'je vais te retrouver'],
    ['you are so stupid', 'you are so stupid'],
    ['fuck off', 'fuck off'],
    ['I know where you live', 'i know where you live'],
    ['Sale arabe', 'sale arabe'],
  ])('%s is toxic (%s)', (text, reason) => {
    const r = analyze(text);
    expect(r.toxic).toBe(true);
    expect(r.toxicity.reason).toBe(reason);
  });

  it.each([
    "Votre service client est nul, c'est inadmissible",
    'This app is stupid and crashes all the time',
    "C'est de la merde ce produit, je veux être remboursé",
    'Worst customer service ever, absolutely useless',
    'Je suis crevé après cette journée',
    'Le ciel est dégagé ce matin',
    'Con leche por favor',
    'I hate waiting so long for a refund',
  ])('%s is not toxic', (text) => {
    const r = analyze(text);
    expect(r.toxic).toBe(false);
    expect(r.toxicity.reason).toBeNull();
  });
});
