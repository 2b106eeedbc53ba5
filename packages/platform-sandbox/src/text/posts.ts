import type { Rng } from '../rng';
import type { BrandDef } from '../accounts';
import { fill } from './comments';

type Lang = 'fr' | 'en';

const BRAND_POSTS: Record<'beauty' | 'coffee', string[]> = {
  beauty: [
    'Nouveau : le {p} arrive enfin ! Une formule à 97 % d’origine naturelle pour une peau lumineuse dès le matin ✨ #{tag} #skincare',
    'Routine du soir en 3 étapes avec le {p} 🌙 Dites-nous en commentaire laquelle est votre préférée ! #{tag}',
    'Dans les coulisses de notre atelier de {c} : chaque {p} est conditionné à la main 🤍 #madeinfrance',
    'JEU CONCOURS 🎁 Tentez de gagner le coffret Rituel : abonnez-vous, likez et identifiez deux amies ! Tirage le {dd} {m}. #{tag} #concours',
    'Vos questions, nos réponses : le {p} convient-il aux peaux sensibles ? On vous explique tout en vidéo 👇',
    'Le {p} fait son retour en édition limitée 💫 Disponible en ligne et en boutique.',
    'Conseil de notre dermatologue : appliquez le {p} sur peau légèrement humide pour une meilleure absorption 💧',
    'Merci pour vos 1 000 avis 5 étoiles sur le {p} 🥹 #{tag}',
    'Emballages rechargeables : à partir de ce mois-ci, rapportez vos flacons vides en boutique ♻️',
    'Soirée portes ouvertes dans notre boutique de {c} ce jeudi, ateliers et diagnostics de peau offerts !',
    'Ingrédient star de la semaine : la niacinamide, présente dans notre {p}. On vous dit tout 🔬',
    'Get ready with us ☀️ Le {p} en 30 secondes chrono',
  ],
  coffee: [
    'Nouvelle récolte : le {p} est arrivé à l’atelier ☕ Notes de fruits rouges et de cacao. #{tag} #specialtycoffee',
    'Comment réussir son cold brew maison ? 12 h au frais, 1 litre d’eau, 80 g de {p} 🧊',
    'Rencontre avec nos producteurs au Guatemala 🌱 Des relations directes depuis 8 ans. #{tag}',
    'JEU CONCOURS ☕ Gagnez 3 mois d’abonnement Découverte : likez, commentez et partagez ! Tirage le {dd} {m}.',
    'Torréfaction du jour : {p}, sortie du four à 7 h ce matin 🔥',
    'Latte art challenge ! Montrez-nous vos plus beaux cœurs en mousse 💛 #{tag}',
    'Nos capsules sont désormais 100 % compostables ♻️',
    'Portes ouvertes à la brûlerie de {c} samedi : dégustation gratuite et visite de l’atelier',
    'Espresso ou filtre ? Dites-nous votre camp en commentaire 👇',
    'Le {p} revient en édition limitée cet automne 🍂',
    'Recette du week-end : affogato avec notre {p} 🍨',
  ],
};

const BRAND_POSTS_EN: Record<'beauty' | 'coffee', string[]> = {
  beauty: [
    'New in: the {p} — 97% natural-origin ingredients for a glowing morning skin ✨ #{tag}',
    'Our 3-step evening routine featuring the {p} 🌙 #{tag} #skincare',
  ],
  coffee: [
    'Fresh harvest: the {p} just landed at the roastery ☕ #{tag} #specialtycoffee',
    'How to make cold brew at home with our {p} 🧊',
  ],
};

export function brandPostText(rng: Rng, brand: BrandDef, lang: Lang): string {
  const list = lang === 'en' ? BRAND_POSTS_EN[brand.domain] : BRAND_POSTS[brand.domain];
  return fill(rng, rng.pick(list).replace(/\{tag\}/g, brand.hashtag), { brand, handle: brand.handle });
}

/** A YouTube-like title: the first sentence, shortened. */
export function titleOf(text: string): string {
  const first = text.split(/[.!?\n]| #/)[0].replace(/\s+\S*[\u{1F300}-\u{1FAFF}\u2600-\u27BF]+\S*/gu, '').trim();
  return first.length > 90 ? `${first.slice(0, 87)}…` : first;
}

export type MentionTone = 'positive' | 'neutral' | 'negative' | 'topic';

const MENTIONS: Record<'beauty' | 'coffee', Record<Exclude<MentionTone, 'topic'>, Record<Lang, string[]>>> = {
  beauty: {
    positive: {
      fr: [
        'Franchement le {p} de {b} est devenu mon indispensable, peau toute douce ✨',
        'Petit haul {b} du week-end : {p} + {p2}, je valide à 100 %',
        'Test du {p} de {b} après un mois : résultats bluffants, je vous fais une vidéo',
        'Meilleur service client : {b} m’a renvoyé ma commande en 24 h 👏',
      ],
      en: ['Holy grail alert: {b} {p} 😍', 'Been using the {p} by {b} for a month, my skin has never looked better'],
    },
    neutral: {
      fr: [
        'Quelqu’un a testé le {p} de {b} ? Je hésite avec un autre sérum',
        '{b} ou une autre marque pour une peau mixte ? Vos avis ?',
        'Vu une pub {b} dans le métro ce matin',
        '{b} ouvre une boutique à {c}, quelqu’un sait quand ?',
      ],
      en: ['Anyone tried {b}? Thinking about the {p}', 'Is {b} available in the UK?'],
    },
    negative: {
      fr: [
        'Déçue par {b}, le {p} ne fait absolument rien pour 45 €',
        'Trois semaines pour recevoir ma commande {b}, plus jamais',
        '{b} augmente encore ses prix, ça devient du luxe pour pas grand-chose',
      ],
      en: ['{b} {p} broke me out, not worth the hype', 'Overpriced and underwhelming, sorry {b}'],
    },
  },
  coffee: {
    positive: {
      fr: [
        'Le {p} de chez {b} ce matin, rien de tel pour démarrer ☕',
        'Découverte du jour : la brûlerie {b}, accueil au top et café incroyable',
        'L’abonnement {b} c’est la meilleure idée que j’ai eue cette année',
      ],
      en: ['{b} {p} is the best espresso I’ve had outside Italy', 'Shoutout to {b} for compostable capsules ☕'],
    },
    neutral: {
      fr: [
        'Vous connaissez {b} ? Ils ont l’air bien pour du café en grains',
        '{b} ou torréfacteur local, vous prenez quoi ?',
        'Café du jour : {p} de {b}, avis mitigé mais à retester',
      ],
      en: ['Has anyone tried {b} coffee subscriptions?', 'Trying {b} {p} this week, will report back'],
    },
    negative: {
      fr: [
        'Le {p} de {b} a perdu en goût depuis le changement de packaging',
        'Capsules {b} qui fuient dans la machine, galère',
        'Commande {b} jamais arrivée, SAV aux abonnés absents',
      ],
      en: ['{b} coffee tastes burnt lately', 'Subscription from {b} impossible to cancel 😤'],
    },
  },
};

const TOPIC: Record<'beauty' | 'coffee', Record<Lang, string[]>> = {
  beauty: {
    fr: [
      'Ma routine skincare d’hiver : nettoyant doux, sérum, crème riche. Et vous ?',
      'Les cosmétiques made in France ont vraiment le vent en poupe #skincare',
      'Conseil : toujours faire un test de tolérance avant un nouveau sérum',
      'Quelqu’un a des recommandations de crème pour peau sensible ? #beaute',
    ],
    en: ['Winter skincare routine thread 🧴 #skincare', 'French pharmacy skincare is overrated, change my mind'],
  },
  coffee: {
    fr: [
      'Le café de spécialité explose en France, trois nouvelles brûleries dans mon quartier #cafe',
      'Espresso ou filtre le matin ? Team filtre ici',
      'Le prix du café vert a encore augmenté, ça va se sentir en rayon',
    ],
    en: ['Specialty coffee prices are going up again #coffee', 'V60 or Aeropress? Discuss'],
  },
};

export function mentionText(
  rng: Rng,
  brand: BrandDef,
  tone: MentionTone,
  lang: Lang,
): string {
  const ctx = { brand, handle: brand.handle };
  if (tone === 'topic') return fill(rng, rng.pick(TOPIC[brand.domain][lang]), ctx);
  const list = MENTIONS[brand.domain][tone][lang];
  return fill(rng, rng.pick(list).replace(/\{b\}/g, brand.name), ctx);
}

const CRISIS_MENTIONS: Record<'beauty' | 'coffee', Record<Lang, string[]>> = {
  beauty: {
    fr: [
      'Alerte : plusieurs réactions allergiques signalées après le {p} de {b}. Lot 24B en cause ? #{tag}',
      '{b} silence radio alors que les témoignages de brûlures se multiplient avec le {p} 😡',
      'Ma peau après le {p} de {b}… je porte plainte. RT pour faire tourner',
      'Boycott {b} tant qu’il n’y a pas de rappel du {p}',
    ],
    en: ['Multiple allergic reactions reported after {b} {p} — bad batch? #{tag}', 'Boycott {b} until they recall the {p}'],
  },
  coffee: {
    fr: [
      'Alerte : des morceaux de plastique trouvés dans le {p} de {b}, vérifiez vos paquets #{tag}',
      'Intoxication après le {p} de {b}, plusieurs témoignages. Un rappel de lot ?',
      '{b} ne répond pas sur le lot contaminé, inadmissible 😡',
    ],
    en: ['Plastic pieces found in {b} {p} — check your bags! #{tag}', '{b} bad batch making people sick?'],
  },
};

export function crisisMentionText(rng: Rng, brand: BrandDef, lang: Lang): string {
  const list = CRISIS_MENTIONS[brand.domain][lang];
  return fill(rng, rng.pick(list).replace(/\{b\}/g, brand.name).replace(/\{tag\}/g, brand.hashtag), {
    brand,
    handle: brand.handle,
  });
}

const NEWS: Record<'beauty' | 'coffee', string[]> = {
  beauty: [
    '{b} lance le {p} et mise sur les formules naturelles',
    'Cosmétiques : {b} ouvre une nouvelle boutique à {c}',
    'Le marché de la beauté française poursuit sa croissance en {m}',
    '{b} passe aux flacons rechargeables dans toutes ses boutiques',
    'Réglementation : ce qui change pour l’étiquetage des cosmétiques',
  ],
  coffee: [
    '{b} lève des fonds pour agrandir sa brûlerie de {c}',
    'Café de spécialité : la filière française se structure',
    '{b} lance des capsules compostables',
    'Prix du café vert : nouvelle hausse attendue en {m}',
  ],
};

const CRISIS_NEWS: Record<'beauty' | 'coffee', string> = {
  beauty: 'Rappel de produit : {b} retire un lot de {p} après des réactions allergiques',
  coffee: 'Rappel conso : un lot de {p} de {b} retiré de la vente (corps étrangers)',
};

export function newsTitle(rng: Rng, brand: BrandDef, crisis = false): string {
  const t = crisis ? CRISIS_NEWS[brand.domain] : rng.pick(NEWS[brand.domain]);
  return fill(rng, t.replace(/\{b\}/g, brand.name), { brand, handle: brand.handle });
}
