/**
 * Deterministic generator of realistic community messages (FR ~60 %, EN ~35 %, other ~5 %),
 * built from slot templates so that a million messages are not a million copies: every type
 * the inbox knows, brand replies, emoji, elongations, shouting, hashtags, mentions and links.
 */
import { mulberry32 } from '@vigie/seeded-random';

const SLOTS: Record<string, string[]> = {
  product: ['la lampe Aurora', 'le canapé Lin', 'la table Chêne', 'le pack découverte', 'la carte cadeau', 'le fauteuil Nova'],
  productEn: ['the Aurora lamp', 'the Linen sofa', 'the Oak table', 'the starter pack', 'the gift card', 'the Nova armchair'],
  city: ['Lyon', 'Bruxelles', 'Montréal', 'Nantes', 'Genève', 'Lille', 'London', 'Toronto'],
  days: ['3', '5', '10', '15', 'trois', 'deux'],
  emoji: ['😍', '😡', '🙏', '👍', '😂', '💔', '🔥', '😢', '❤️', ''],
  greet: ['Bonjour', 'Salut', 'Bonsoir', 'Hello', 'Coucou', ''],
  greetEn: ['Hi', 'Hello', 'Hey', 'Good morning', ''],
};

const FR = [
  'Ma commande de {product} n\'est toujours pas arrivée après {days} jours, c\'est inadmissible {emoji}',
  '{greet}, quel est le prix de {product} ? Livrez-vous à {city} ?',
  'Je souhaite un devis pour 20 exemplaires de {product} pour notre boutique',
  '{greet}, je vous envoie ma candidature spontanée pour un poste de vendeuse à {city}',
  'Nous serions ravis de collaborer avec vous pour une campagne sur Instagram {emoji}',
  'Seriez-vous disponible pour une interview dans notre podcast le mois prochain ?',
  'Comment je fais pour me désabonner de la newsletter ? Mon compte ne marche plus',
  'Trop beau {product} !!! Bravo à toute l\'équipe {emoji}',
  'Pas mal du tout, je recommande {product}',
  'Service client nul, personne ne répond depuis {days} jours {emoji}',
  'Gagnez un iPhone gratuit en cliquant ici http://promo.example/win',
  'Bande de nuls, vous êtes des escrocs',
  'Est-ce que {product} existe en noir ?',
  'J\'ai reçu {product} cassé, je veux être remboursé',
  'Vivement la prochaine collection, j\'adooore {emoji}',
  'Merci pour votre réponse rapide {emoji}',
  '@marie regarde ça #deco #maison',
  'Bof, pas terrible cette fois',
];

const EN = [
  'My order of {productEn} still has not arrived after {days} days, this is unacceptable {emoji}',
  '{greetEn}, how much is {productEn}? Do you ship to {city}?',
  'Could you send me a quote for 50 units of {productEn} for our stores?',
  '{greetEn}, I would like to apply for a job in your shop in {city}',
  'We would love to partner with you on a sponsored collaboration {emoji}',
  'Would you join our podcast for an interview next month?',
  'How do I unsubscribe from the newsletter? I cannot log into my account',
  'Love {productEn} so much!!! {emoji}',
  'Not bad at all, I recommend {productEn}',
  'Worst customer service ever, nobody answers {emoji}',
  'Click here to win a free gift card http://spam.example/free',
  'You are all idiots, fuck you',
  'Is {productEn} available in black?',
  'Sooo goood {emoji}',
  'Thanks for the quick answer',
  '@john look at this #homedecor',
];

const OTHER = ['Wann kommt die neue Kollektion?', '¿Hacéis envíos a México?', 'Waar kan ik dit kopen?', 'ok', '👍👍', '?'];

const BRAND_REPLIES = [
  'Merci pour votre message, nous regardons votre commande tout de suite.',
  'Bonjour, pouvez-vous nous écrire en message privé avec votre numéro de commande ?',
  'Thanks for reaching out, we are checking your order right now.',
  'Hi! Yes, we ship there, delivery takes 3 to 5 days.',
];

export interface GeneratedMessage {
  text: string;
  isFromBrand: boolean;
  hint: 'fr' | 'en';
}

export function createMessageGenerator(seed = 42): (i: number) => GeneratedMessage {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const fill = (template: string) => template.replace(/\{(\w+)\}/g, (_, k: string) => pick(SLOTS[k] ?? ['']));
  return (i: number) => {
    const r = rnd();
    if (r < 0.05) return { text: pick(BRAND_REPLIES), isFromBrand: true, hint: 'fr' };
    let text = r < 0.62 ? fill(pick(FR)) : r < 0.95 ? fill(pick(EN)) : pick(OTHER);
    // Perturbations real comments have: shouting, elongation, extra punctuation, numbers.
    if (i % 9 === 0) text = text.toUpperCase();
    if (i % 11 === 0) text = text.replace(/([aeiou])/, '$1$1$1$1');
    if (i % 5 === 0) text = `${text} ${i % 1000}`;
    if (i % 17 === 0) text = `${text} !!!`;
    return { text: text.trim(), isFromBrand: false, hint: r < 0.62 ? 'fr' : 'en' };
  };
}
