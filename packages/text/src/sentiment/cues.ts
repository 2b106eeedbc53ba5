// Hand-written sentiment cues (FR/EN) layered over the AFINN lexicons. Keys are folded
// (lower-case, no accents). Idioms win over negation handling: "pas mal" is praise.

/** Colloquial expressions and corrections to the machine-translated AFINN-fr. */
export const IDIOMS_FR: Record<string, number> = {
  'pas mal': 1.5,
  'pas si mal': 1.5,
  'pas terrible': -2,
  'pas top': -2,
  'pas ouf': -2,
  'pas fou': -1.5,
  'pas de souci': 1,
  'pas de soucis': 1,
  'pas de probleme': 1,
  'de ouf': 2,
  'trop bien': 3,
  'au top': 3,
  'trop top': 3,
  'a chier': -4,
  'de la merde': -4,
  'se foutre de': -3,
  'foutage de gueule': -4,
  'ras le bol': -3,
  'en ai marre': -3,
  'en a marre': -3,
  'marre': -2,
  nul: -3,
  nulle: -3,
  nuls: -3,
  naze: -3,
  bof: -1.5,
  mouais: -1,
  bidon: -2,
  kiffe: 3,
  kif: 2,
  kiff: 3,
  adore: 3,
  jadore: 3,
  cher: -1,
  chere: -1,
  arnaque: -3,
  arnaqueurs: -3,
  escroquerie: -3,
  honte: -3,
  honteux: -3,
  lamentable: -3,
  inadmissible: -3,
  inacceptable: -3,
  scandale: -3,
  scandaleux: -3,
  decu: -2,
  decue: -2,
  decus: -2,
  decevant: -2,
  deception: -2,
  genial: 3,
  geniale: 3,
  bravo: 3,
  felicitations: 3,
  merci: 2,
  super: 2,
  top: 2,
  excellent: 3,
  parfait: 3,
  magnifique: 3,
  sublime: 3,
  canon: 2,
  chouette: 2,
  cool: 2,
  galere: -2,
  relou: -2,
  chiant: -2,
  pourri: -3,
  catastrophe: -3,
  catastrophique: -3,
  horrible: -3,
  inutile: -2,
  ridicule: -2,
  degoute: -3,
  degoutant: -3,
  colere: -2,
  enerve: -2,
  furieux: -3,
  rembourser: -1,
  remboursement: -1,
  panne: -2,
  reactif: 2,
  reactive: 2,
  'probleme regle': 2,
  'probleme resolu': 2,
  toujours: 0,
  rien: 0,
};

export const IDIOMS_EN: Record<string, number> = {
  'not bad': 1.5,
  'not too bad': 1.5,
  'no problem': 1,
  'no worries': 1,
  'not great': -2,
  'not good': -2,
  'rip off': -3,
  'ripped off': -3,
  'waste of money': -3,
  'waste of time': -3,
  'fed up': -3,
  'well done': 3,
  'love it': 3,
  meh: -1,
  sucks: -3,
  trash: -3,
  garbage: -3,
  scam: -3,
  disappointed: -2,
  disappointing: -2,
  unacceptable: -3,
  ridiculous: -2,
  refund: -1,
  broken: -2,
  useless: -3,
  overpriced: -2,
  amazing: 4,
  awesome: 4,
  thanks: 2,
  thank: 2,
  congrats: 3,
  lit: 2,
  sorted: 1,
  'sorted out': 2,
  dope: 2,
};

export const NEGATORS = new Set([
  // fr ("n'" comes from elision splitting: "n'est", "n'aime")
  'pas', 'jamais', 'rien', 'aucun', 'aucune', 'ni', 'sans', 'personne', 'guere', "n'", 'ne',
  // en
  'not', 'no', 'never', 'nothing', 'nobody', 'neither', 'nor', 'without', 'hardly', 'cannot',
  "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't", "won't", "wouldn't",
  "can't", "couldn't", "shouldn't", "haven't", "hasn't", "hadn't", "ain't", 'dont', 'doesnt',
  'didnt', 'isnt', 'arent', 'wasnt', 'wont', 'cant', 'couldnt', 'shouldnt', 'havent', 'aint',
]);

/** Words that amplify the next sentiment word (multiplier). */
export const INTENSIFIERS: Record<string, number> = {
  tres: 1.5, trop: 1.5, super: 1.5, vraiment: 1.5, tellement: 1.5, hyper: 1.6, grave: 1.4,
  extremement: 1.8, completement: 1.5, totalement: 1.5, absolument: 1.6, vachement: 1.5,
  ultra: 1.6, carrement: 1.5, si: 1.3, tant: 1.3, plus: 1.2,
  very: 1.5, really: 1.5, so: 1.4, soo: 1.6, too: 1.3, extremely: 1.8, totally: 1.5,
  absolutely: 1.6, incredibly: 1.7, truly: 1.4, such: 1.3, highly: 1.5, damn: 1.4,
  freaking: 1.5, fucking: 1.6, most: 1.3, sooo: 1.8,
  // diminishers
  peu: 0.5, assez: 0.7, plutot: 0.7, legerement: 0.5, moyennement: 0.5,
  slightly: 0.5, somewhat: 0.6, kinda: 0.6, bit: 0.6, little: 0.6, barely: 0.4, fairly: 0.7,
};

export const EMOTICONS: Record<string, number> = {
  ':)': 2, ':-)': 2, ':))': 3, ':d': 3, ':-d': 3, 'xd': 2, '=)': 2, '=d': 3, ';)': 1.5, ';-)': 1.5,
  ':p': 1, ':-p': 1, '<3': 3, '<33': 3, '^^': 2, '^_^': 2, ':]': 2, '(:': 2,
  ':(': -2, ':-(': -2, ':((': -3, ":'(": -3, ':/': -1.5, ':-/': -1.5, ':\\': -1.5, ':|': -1,
  ':@': -3, 'd:': -2, '):': -2, ':[': -2,
};

/** Cheap irony markers: flip apparent praise ("Super service… #ironie"). */
export const IRONY_MARKERS = new Set(['ironie', 'sarcasme', 'sarcasm', 'irony', 'not', '/s']);

/** Set phrases that are sarcastic whatever their words say: negative, and flagged as irony. */
export const IRONY_PHRASES: Record<string, number> = {
  'merci pour rien': -2.5,
  'merci de rien': -1,
  'thanks for nothing': -2.5,
  'thank you for nothing': -2.5,
  'yeah right': -1.5,
};

/** Eye-roll / upside-down face next to praise reads as sarcasm ("Génial 🙃"). */
export const IRONY_EMOJI = new Set(['🙃', '🙄']);

/** Clause breakers: negation scope stops here. */
export const SCOPE_BREAKERS = new Set([',', '.', ';', ':', '!', '?', '...', 'mais', 'but', 'et', 'and', 'car', 'because']);

/**
 * Emoji whose Emoji Sentiment Ranking (2015 tweets) score understates what a brand reads today
 * (😡 scores only -0.17 there). These override the ranking.
 */
export const EMOJI_OVERRIDES: Record<string, number> = {
  '😡': -0.8, '😠': -0.7, '🤬': -0.9, '🤮': -0.8, '👎': -0.6, '💩': -0.5, '🙄': -0.4, '😤': -0.5,
  '🤡': -0.4, '😒': -0.5, '😞': -0.5, '😢': -0.5, '💔': -0.6, '👍': 0.6, '🙏': 0.4, '🥰': 0.9,
  '😍': 0.8, '❤': 0.8, '🔥': 0.5, '👏': 0.6, '💯': 0.6, '🎉': 0.6, '😊': 0.7, '🤩': 0.8,
};
