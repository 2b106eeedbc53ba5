import type { Rng } from '../rng';
import type { BrandDef } from '../accounts';

export type CommentCategory =
  | 'question'
  | 'complaint'
  | 'job_application'
  | 'partnership'
  | 'invitation'
  | 'subscription'
  | 'praise'
  | 'spam'
  | 'troll'
  | 'other';

type Lang = 'fr' | 'en';
type Templates = Record<CommentCategory, Record<Lang, string[]>>;

// Short messages as people write them: typos, missing accents and emojis included on purpose.
const T: Templates = {
  question: {
    fr: [
      'Bonjour, est-ce que le {p} convient aux peaux sensibles ?',
      'Il sera de nouveau dispo quand le {p} ? Rupture partout à {c}',
      'Vous livrez en Belgique ? Et en Suisse ?',
      'Quelle est la différence entre le {p} et le {p2} ?',
      'Bonjour, on peut trouver vos produits en magasin à {c} ?',
      'Le {p} est vegan ? Testé sur les animaux ?',
      'Bonsoir, ma commande n°{n} indique "en préparation" depuis {d} jours, c’est normal ?',
      'Y a-t-il un code promo pour une première commande ?',
      'Combien de temps se conserve le {p} une fois ouvert ?',
      'C’est compatible avec une grossesse ? Merci de votre réponse',
      'vous faites des cartes cadeaux ?',
      'Est ce que le {p} existe en format voyage ?',
      'Quels sont les horaires de la boutique de {c} ?',
      'Bonjour ! Possible d’échanger un produit acheté en ligne en boutique ?',
    ],
    en: [
      'Hi, do you ship to the UK?',
      'Is the {p} suitable for sensitive skin?',
      'When will the {p} be back in stock?',
      'Any discount code for first orders?',
      'Is it cruelty free? Can’t find the info on your site',
      'What’s the difference between {p} and {p2}?',
      'My order #{n} has been "processing" for {d} days, is that normal?',
      'Do you have stores outside France?',
    ],
  },
  complaint: {
    fr: [
      'Commande n°{n} reçue incomplète, il manque le {p}. Personne ne répond au SAV {e-}',
      'Colis arrivé écrasé, flacon cassé. Pas terrible pour le prix…',
      'Ça fait {d} jours que j’attends un remboursement, c’est inadmissible',
      'Déçue du {p}, la formule a changé et ce n’est plus du tout pareil {e-}',
      'Service client injoignable depuis une semaine. Je commence à perdre patience.',
      'Le {p} a une odeur bizarre, lot périmé ? Je veux un échange',
      'Prix en hausse de 20 % en un an, sérieusement ?',
      'J’ai été débitée deux fois pour la même commande, merci de régler ça rapidement',
      'Livraison annoncée en 48h, ça fait {d} jours… {e-}',
      'Le code promo de la newsletter ne marche pas',
    ],
    en: [
      'Order #{n} arrived damaged and nobody answers my emails {e-}',
      'Still waiting for my refund after {d} days. Not acceptable.',
      'The new {p} formula is awful, bring back the old one',
      'Charged twice for the same order, please fix this',
      'Customer service is a joke, third email without reply',
    ],
  },
  job_application: {
    fr: [
      'Bonjour, je me permets de vous adresser ma candidature spontanée pour un poste de {job}. Je peux vous envoyer mon CV en MP ?',
      'Vous recrutez ? Je cherche une alternance en {job} à partir de septembre',
      'Bonjour, je suis à la recherche d’un stage de 6 mois en {job}, à qui puis-je envoyer ma candidature ?',
      'Candidature spontanée : {job} avec 5 ans d’expérience, disponible immédiatement sur {c}',
      'Est-ce que vous embauchez pour la boutique de {c} ? Je suis vendeuse depuis 3 ans',
    ],
    en: [
      'Hi! Are you hiring? I’d love to apply for a {job} role, where can I send my resume?',
      'Looking for an internship in {job}, is there an email for applications?',
    ],
  },
  partnership: {
    fr: [
      'Hello ! Créatrice de contenu beauté/lifestyle ({f} abonnés), je serais ravie de collaborer avec vous. Je vous écris en DM ✨',
      'Bonjour, nous sommes une agence d’influence et aimerions vous proposer un partenariat pour la rentrée',
      'Coucou, je fais des unboxings sur TikTok ({f} abonnés), partenariat possible ? 🙏',
      'Bonjour, je gère un concept store à {c} et j’aimerais référencer vos produits. Qui contacter ?',
      'On adorerait faire une collab avec vous pour un jeu concours, on vous écrit en privé !',
    ],
    en: [
      'Hey! UGC creator here ({f} followers), would love to partner with you. DM sent 💌',
      'Hi, we are a boutique in {c} interested in stocking your products. Who should we contact?',
      'Collab? I review {domain} products for {f} followers',
    ],
  },
  invitation: {
    fr: [
      'Bonjour, nous aimerions vous inviter dans notre podcast « {pod} » pour parler de votre marque. Vous seriez partants ?',
      'Seriez-vous intéressés pour tenir un stand au {ev} en {m} ? Je vous envoie les infos',
      'Invitation : table ronde sur l’entrepreneuriat au {ev}, on aimerait que votre fondatrice intervienne',
      'Bonjour, l’école de commerce de {c} organise une conférence le {dd} {m}, une intervention serait possible ?',
    ],
    en: [
      'Hi, we’d love to have you on our podcast "{pod}" to talk about your brand story!',
      'Would you like to join the {ev} as a speaker in {m}? Sending details by email',
    ],
  },
  subscription: {
    fr: [
      'Comment on s’abonne à la newsletter ? Je ne trouve pas le formulaire',
      'Je voudrais m’inscrire au programme fidélité, c’est où ?',
      'Comment on résilie l’abonnement mensuel ? Rien dans mon espace client',
      'Je souhaite m’abonner à la box, il reste des places ce mois-ci ?',
      'Comment je m’inscris à l’atelier du {dd} {m} ?',
    ],
    en: [
      'How do I subscribe to the newsletter?',
      'How can I cancel my monthly subscription? Nothing in my account page',
      'Is the subscription box still open for new members?',
    ],
  },
  praise: {
    fr: [
      'J’adore le {p} {e+}',
      'Meilleur achat de l’année, le {p} est incroyable',
      'Reçu hier, déjà fan {e+}{e+}',
      'Trop beau ce post {e+}',
      'Ma sœur m’a offert le {p}, je ne peux plus m’en passer',
      'Bravo pour votre engagement sur les emballages recyclables 👏',
      'Service client au top, problème réglé en 10 minutes. Merci !',
      'Toujours aussi bon, fidèle depuis 3 ans {e+}',
      'Superbe, hâte de tester',
      'Vos produits ont changé ma routine, merci {e+}',
      'La boutique de {c} est magnifique et l’équipe adorable',
      'Trop hâte pour la nouvelle collection !',
      '{e+}{e+}{e+}',
      'Magnifique 😍',
      'Je recommande à 100 %',
    ],
    en: [
      'Love the {p} {e+}',
      'Best purchase this year, the {p} is amazing',
      'Gorgeous {e+}',
      'Your customer service is the best, thank you!',
      'Obsessed with this {e+}',
      'Can’t wait to try it!',
    ],
  },
  spam: {
    fr: [
      'Gagnez 500 € par jour depuis chez vous 👉 {url}',
      'Promo -90 % sur toutes les marques ici {url}',
      'Vous avez été sélectionné pour un iPhone gratuit ! Cliquez {url}',
      'Suivez-moi pour des astuces crypto 💰💰 {url}',
    ],
    en: [
      'Earn $500/day from home 👉 {url}',
      'Free followers!!! Visit {url}',
      'Crypto signals 100% profit, DM me {url}',
      'Congrats you won a gift card, claim here {url}',
    ],
  },
  troll: {
    fr: [
      'Arnaque. Marque de bobos pour pigeons',
      'Franchement c’est nul et hors de prix, vous vous moquez de qui ?',
      'Encore du greenwashing, bande de clowns 🤡',
      'Personne n’achète ça à part les influenceuses payées',
      'Ferme-la avec ta pub',
      'Produits de merde, marketing de merde',
    ],
    en: [
      'Overpriced garbage for idiots',
      'Nobody cares lol',
      'What a scam 🤡',
      'Worst brand ever, clowns',
    ],
  },
  other: {
    fr: [
      '@{h} regarde ça !',
      '@{h} on teste ?',
      'Ça me rappelle mes vacances à {c}',
      'Premier !',
      'On en parle de la musique de la vidéo ?',
      'Je passe par là 👋',
      'Les couleurs de la photo 😮',
    ],
    en: ['@{h} look at this!', 'First!', 'The lighting in this picture 😮', '@{h} we need this'],
  },
};

const CITIES = ['Paris', 'Lyon', 'Marseille', 'Bordeaux', 'Lille', 'Nantes', 'Toulouse', 'Strasbourg', 'Rennes', 'Montpellier', 'Nice', 'Bruxelles', 'Genève', 'London'];
const JOBS = ['community manager', 'conseillère de vente', 'marketing digital', 'logistique', 'développement produit', 'comptabilité', 'e-commerce', 'graphisme'];
const PODCASTS = ['Génération Do It Yourself', 'Les Entrepreneuses', 'Café Crème', 'La Belle Boîte', 'Made in France Talks'];
const EVENTS = ['Salon Made in France', 'Forum des Marques Engagées', 'Festival Beauté Lyon', 'Salon du Café de Paris', 'Nuit des Créateurs'];
const MONTHS_FR = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'septembre', 'octobre', 'novembre', 'décembre'];
const POS = ['😍', '❤️', '🥰', '✨', '🙌', '👏', '💖', '☕'];
const NEG = ['😡', '😤', '👎', '😞', '🙄'];
const URLS = ['bit.ly/3xGain', 'promo-luxe.example', 'cutt.ly/freegift', 'crypto-boost.example'];

export interface FillContext {
  brand: BrandDef;
  handle: string;
}

export function fill(rng: Rng, template: string, ctx: FillContext): string {
  const products = ctx.brand.products;
  return template.replace(/\{(\w+[+-]?)\}/g, (_m, k: string) => {
    switch (k) {
      case 'p':
        return rng.pick(products);
      case 'p2':
        return rng.pick(products);
      case 'b':
        return ctx.brand.name;
      case 'c':
        return rng.pick(CITIES);
      case 'n':
        return String(rng.int(100_000, 999_999));
      case 'd':
        return String(rng.int(3, 21));
      case 'dd':
        return String(rng.int(2, 28));
      case 'm':
        return rng.pick(MONTHS_FR);
      case 'job':
        return rng.pick(JOBS);
      case 'pod':
        return rng.pick(PODCASTS);
      case 'ev':
        return rng.pick(EVENTS);
      case 'f':
        return `${rng.int(2, 180)}k`;
      case 'h':
        return ctx.handle;
      case 'e+':
        return rng.pick(POS);
      case 'e-':
        return rng.pick(NEG);
      case 'url':
        return rng.pick(URLS);
      case 'domain':
        return ctx.brand.domain === 'beauty' ? 'skincare' : 'coffee';
      default:
        return k;
    }
  });
}

export const COMMUNITY_WEIGHTS: readonly (readonly [CommentCategory, number])[] = [
  ['praise', 30],
  ['question', 18],
  ['other', 11],
  ['complaint', 10],
  ['subscription', 6],
  ['spam', 6],
  ['troll', 5],
  ['partnership', 5],
  ['job_application', 4],
  ['invitation', 3],
];

export function communityComment(
  rng: Rng,
  category: CommentCategory,
  lang: Lang,
  ctx: FillContext,
): string {
  const list = T[category][lang].length ? T[category][lang] : T[category].fr;
  return fill(rng, rng.pick(list), ctx);
}

/** Categories the brand answers, and how often (own brands answer more). */
export const REPLY_RATE: Partial<Record<CommentCategory, number>> = {
  question: 0.8,
  complaint: 0.85,
  subscription: 0.75,
  job_application: 0.6,
  partnership: 0.5,
  invitation: 0.6,
  praise: 0.15,
};

const REPLIES: Partial<Record<CommentCategory, Record<Lang, string[]>>> = {
  question: {
    fr: [
      'Bonjour {name}, merci pour votre question ! Oui, tout à fait. Nous vous envoyons les détails en message privé.',
      'Bonjour {name} ! Le {p} revient en stock la semaine prochaine 🙂',
      'Bonjour, oui nous livrons en Belgique et en Suisse (délais 3 à 5 jours).',
      'Hello {name}, vous trouverez la liste des points de vente sur notre site, rubrique Boutiques.',
    ],
    en: [
      'Hi {name}, thanks for asking! Yes, absolutely — we’ve sent you the details by DM.',
      'Hi {name}! It’s back in stock next week 🙂',
    ],
  },
  complaint: {
    fr: [
      'Bonjour {name}, nous sommes vraiment désolés. Pouvez-vous nous écrire en privé avec votre numéro de commande ? Nous réglons cela au plus vite.',
      '{name}, toutes nos excuses pour ce désagrément. Notre service client vous recontacte aujourd’hui.',
      'Bonjour {name}, c’est transmis à notre équipe logistique, un renvoi est en cours. Merci de votre patience 🙏',
    ],
    en: [
      'Hi {name}, we’re so sorry. Could you DM us your order number? We’ll fix it right away.',
      'Apologies {name}, our customer care team will contact you today.',
    ],
  },
  subscription: {
    fr: [
      'Bonjour {name}, l’inscription se fait en bas de notre page d’accueil 😊',
      'Bonjour {name}, vous pouvez gérer votre abonnement depuis Mon compte > Abonnements. On vous envoie le lien en MP.',
    ],
    en: ['Hi {name}, you can sign up at the bottom of our homepage 😊'],
  },
  job_application: {
    fr: [
      'Merci {name} pour votre intérêt ! Vous pouvez envoyer votre candidature à recrutement@{domain}.example 🙂',
      'Bonjour {name}, nos offres sont sur notre page Carrières, n’hésitez pas à postuler !',
    ],
    en: ['Thanks {name}! Please send your application to jobs@{domain}.example 🙂'],
  },
  partnership: {
    fr: ['Merci {name} ! Écrivez-nous à partenariats@{domain}.example, notre équipe vous répondra.'],
    en: ['Thanks {name}! Please reach out to partners@{domain}.example'],
  },
  invitation: {
    fr: ['Merci beaucoup {name} pour l’invitation ! Nous revenons vers vous en message privé.'],
    en: ['Thank you {name} for the invitation! We’ll get back to you by DM.'],
  },
  praise: {
    fr: ['Merci {name} ! ❤️', 'Merci beaucoup, ça nous touche 🥰', 'Merci pour ce gentil message {name} ✨'],
    en: ['Thank you {name}! ❤️', 'So happy you love it ✨'],
  },
};

export function brandReply(
  rng: Rng,
  category: CommentCategory,
  lang: Lang,
  firstName: string,
  ctx: FillContext,
): string {
  const set = REPLIES[category] ?? REPLIES.praise!;
  const list = set[lang].length ? set[lang] : set.fr;
  return fill(
    rng,
    rng
      .pick(list)
      .replace(/\{name\}/g, firstName)
      .replace(/\{domain\}/g, ctx.brand.handle),
    ctx,
  );
}

const CRISIS: Record<'beauty' | 'coffee', Record<Lang, string[]>> = {
  beauty: {
    fr: [
      'Réaction allergique après le {p}, plaques rouges sur tout le visage. Vous allez réagir ?? {e-}',
      'Mon {p} sent le rance, lot défectueux ? J’ai eu des brûlures',
      'Scandale : plusieurs personnes brûlées par le {p}, retirez-le de la vente !',
      'Eczéma depuis que j’utilise le {p}, je vais porter plainte',
      'Vous êtes au courant du problème avec le lot 24B ? Ma fille a fait une réaction {e-}',
      'Honteux. Aucun communiqué alors que des gens ont des réactions allergiques à votre {p}',
      'Je ne rachèterai plus jamais rien chez vous. Mauvais lot et zéro réponse.',
      'Remboursement immédiat exigé, le {p} m’a brûlé la peau',
    ],
    en: [
      'Allergic reaction after using the {p}, my face is swollen. What are you doing about it?? {e-}',
      'Bad batch of {p}? Several people report burns, pull it from the shelves!',
      'Never buying from you again. Rash all over my face.',
    ],
  },
  coffee: {
    fr: [
      'Le {p} du dernier lot a un goût de moisi, on a été malades toute la nuit {e-}',
      'Morceaux de plastique dans mon paquet de {p} !! C’est dangereux',
      'Intoxication après le {p}, vous allez rappeler le lot ?',
      'Honteux, aucun rappel produit alors que le lot est contaminé',
      'Mauvais lot de {p}, odeur de moisi, je veux être remboursée',
    ],
    en: [
      'Found plastic in my bag of {p}!! Dangerous',
      'Got sick after the last batch of {p}, is there a recall?',
      'Mouldy taste, bad batch. Disgusting.',
    ],
  },
};

export function crisisComment(rng: Rng, lang: Lang, ctx: FillContext): string {
  const list = CRISIS[ctx.brand.domain][lang];
  return fill(rng, rng.pick(list), ctx);
}

export const CRISIS_REPLY: Record<Lang, string> = {
  fr: 'Bonjour, nous prenons ce signalement très au sérieux. Merci de nous écrire en privé avec le numéro de lot : notre équipe qualité vous recontacte aujourd’hui.',
  en: 'Hello, we take this report very seriously. Please DM us the batch number: our quality team will contact you today.',
};
