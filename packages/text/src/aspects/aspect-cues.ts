// What a message talks about. Cues are folded (no accents, lower-case) and matched on word
// boundaries; '*' ends a prefix. A cue may name two aspects ("frais de port": price + delivery).

import { ASPECT_KEYS, type AspectKeyDto } from '@vigie/contracts';

/** The themes, named once in @vigie/contracts (the backend's DTOs and the UI use the same keys). */
export const ASPECTS = ASPECT_KEYS;
export type AspectKey = AspectKeyDto;

export const ASPECT_CUES: Record<AspectKey, string[]> = {
  price: [
    'prix', 'tarif*', 'cher', 'chere', 'chers', 'cheres', 'coute*', 'cout', 'couts', 'hors de prix', 'exorbitant*',
    'abordable*', 'promo', 'promos', 'promotion*', 'reduction*', 'remise*', 'soldes', 'frais', 'frais de port', 'euros',
    '€', '$', '£', 'factur*', 'price*', 'pricing', 'expensive', 'overpriced', 'pricey', 'cheap', 'cheaper', 'affordable',
    'cost*', 'value for money', 'good value', 'rip off', 'rip-off', 'bill', 'fees', 'shipping costs', 'discount*',
  ],
  delivery: [
    'livraison*', 'livreur*', 'livreuse*', 'livrer', 'livre en', 'livree', 'colis', 'expedition*', 'expedie*', 'envoi',
    'frais de port', 'transporteur*', 'la poste', 'colissimo', 'chronopost', 'point relais', 'commande recue',
    'delivery', 'delivered', 'deliver*', 'shipping', 'shipped', 'ship', 'parcel*', 'package*', 'courier*', 'driver*',
    'postman', 'tracking', 'arrived', 'next day', 'shipping costs', 'suivi de commande',
  ],
  customer_service: [
    'service client', 'service clients', 'sav', 'service apres vente', 'support', 'hotline', 'conseiller*',
    'conseillere*', 'assistance', 'chatbot', 'chat bot', 'customer service', 'customer support', 'customer care',
    'helpline', 'call centre', 'call center', 'joindre', 'injoignable', 'personne ne repond', 'nobody answers',
    "can't reach", 'service apres-vente', 'relation client',
  ],
  product_quality: [
    'qualite', 'quality', 'produit', 'produits', 'product', 'products', 'casse', 'cassee', 'broke', 'broken',
    'defectueux', 'defective', 'fragile', 'solide', 'sturdy', 'durable', 'matiere', 'material', 'tissu', 'fabric',
    'finition*', 'finish', 'bouloch*', 'pills', 'dechire*', 'ripped', 'gout', 'taste*', 'saveur*', 'flavour*',
    'flavor*', 'texture', 'recette', 'recipe', 'fraicheur', 'fresh',
  ],
  staff: [
    'personnel', 'equipe', 'employe*', 'vendeu*', 'serveu*', 'caissier*', 'caissiere*', 'accueil', 'hotesse*',
    'gerant*', 'manager*', 'directeur', 'directrice', 'livreur*', 'livreuse*', 'staff', 'employee*', 'waiter*',
    'waitress*', 'server', 'cashier*', 'team', 'receptionist*', 'driver*', 'barista*', 'chef',
  ],
  app_website: [
    'appli*', 'application', 'app', 'apps', 'site', 'site web', 'site internet', 'website', 'web', 'en ligne', 'online',
    'panier', 'checkout', 'mise a jour', 'update', 'login', 'log in', 'connexion', 'interface', 'page de connexion',
    'login page',
  ],
  availability: [
    'stock', 'stocks', 'rupture*', 'epuise*', 'indisponible*', 'disponible*', 'introuvable*', 'out of stock',
    'sold out', 'in stock', 'back in stock', 'unavailable', 'available', 'availability', 'restock*', 'reassort*',
  ],
  cleanliness: [
    'propre*', 'proprete', 'sale', 'sales', 'salete*', 'crade', 'cradingue', 'degoutant*', 'degueu*', 'hygiene',
    'toilettes', 'wc', 'cheveu*', 'clean*', 'spotless', 'dirty', 'filthy', 'hair', 'stain*', 'tache*', 'poussiere*',
    'dust*', 'smell*', 'odeur*', 'stink*', 'immaculate',
  ],
  waiting_time: [
    'attente', 'attendre', 'attendu', "j'attends", "file d'attente", 'queue*', 'wait', 'waited', 'waiting', 'on hold',
    'delai*', 'trop long', 'tout de suite', 'straight away', 'right away', 'en caisse', 'servis', 'served',
  ],
};

/** Polar phrases read on the clause of a mention: +1 good, −1 bad (×2 for strong ones). */
export const POLAR_CUES: [string, number][] = [
  // price
  ['cher', -1], ['chere', -1], ['chers', -1], ['trop cher', -2], ['hors de prix', -2], ['exorbitant*', -2],
  ['abuse', -2], ['excessif', -1], ['expensive', -1], ['too expensive', -2], ['overpriced', -2], ['pricey', -1],
  ['rip off', -2], ['rip-off', -2], ['ridiculous', -1], ['insane', -1], ['steep', -1], ['not worth', -2],
  ['pas cher', 2], ['pas chere', 2], ['not expensive', 2], ['abordable*', 2], ['affordable', 2], ['cheap', 1],
  ['bon prix', 2], ['good value', 2], ['value for money', 1], ['bon rapport', 2], ['correct*', 1], ['raisonnable*', 1],
  ['reasonable', 1], ['gratuit*', 1], ['free', 1], ['eleve', -1], ['worth it', 1],
  // delivery / waiting
  ['retard', -2], ['en retard', -2], ['late', -2], ['lent', -2], ['lente', -2], ['slow', -2], ['trop long', -2],
  ['long', -1], ['jamais arrive*', -2], ['never arrived', -2], ['perdu', -2], ['lost', -2], ['abime*', -2],
  ['damaged', -2], ['attendu', -1], ['waited', -1], ['attente', -1], ['rapide*', 2], ['fast', 2], ['quick*', 2],
  ['next day', 2], ['24h', 1], ["pas d'attente", 3], ['no wait', 3], ['tout de suite', 1], ['straight away', 1],
  ['right away', 1],
  // product
  ['casse*', -2], ['broke*', -2], ['defectueux', -2], ['defective', -2], ['bouloch*', -2], ['pills', -2],
  ['baisse', -1], ['gone downhill', -2], ['mauvais*', -1], ['bad', -1], ['awful', -2], ['terrible', -1],
  ['pas terrible', -2], ['horrible', -2], ['nul', -2], ['nulle', -2], ['pire', -2], ['worse', -2], ['solide', 1],
  ['sturdy', 1],
  // app / site
  ['bug*', -2], ['plante', -2], ['crash*', -2], ['panne', -2], ['down', -1], ['marche pas', -2], ['fonctionne pas', -2],
  ["doesn't work", -2], ['not working', -2], ['broken', -2], ['simple', 1], ['easy', 1], ['facile', 1], ['fluide', 2],
  ['smooth', 2],
  // availability
  ['rupture', -2], ['epuise*', -2], ['out of stock', -2], ['sold out', -2], ['indisponible', -2], ['unavailable', -2],
  ['de retour en stock', 2], ['back in stock', 2], ['typical', -1], ['again', -1], ['encore', -1],
  // cleanliness
  ['sale', -2], ['sales', -2], ['crade', -2], ['dirty', -2], ['filthy', -2], ['degoutant*', -2], ['douteu*', -2],
  ['questionable', -2], ['propre', 2], ['clean', 2], ['spotless', 2], ['impeccable', 2], ['immaculate', 2],
  // people / service
  ['desagreable*', -2], ['rude', -2], ['impoli*', -2], ['ignored', -2], ['condescending', -2], ['unhelpful', -2],
  ['deborde*', -1], ['overwhelmed', -1], ['injoignable', -2], ['personne ne repond', -2], ['nobody answers', -2],
  ["can't reach", -2], ['raccroche*', -2], ['hung up', -2], ['parle mal', -2], ['aimable', 2], ['adorable', 2],
  ['lovely', 2], ['sympa', 2], ['friendly', 2], ['helpful', 2], ['pro', 1], ['professionnel*', 2], ['professional', 2],
  ['accueillant*', 2], ['welcoming', 2], ['patien*', 2], ['de bon conseil', 2], ['regle', 1], ['sorted', 1],
  // general
  ['top', 2], ['au top', 2], ['super', 1], ['excellent*', 2], ['great', 2], ['parfait*', 2], ['perfect', 2],
  ['love', 2], ["j'adore", 2], ['adore', 2], ['brilliant', 2], ['bon', 1], ['bonne', 1], ['good', 1], ['recommande', 2],
  ['recommend*', 2], ['merci', 1], ['thanks', 1], ['tres bonne', 2],
];

/** Words that flip a polar phrase within the three words after them ("pas aimable", "not bad"). */
export const NEGATORS = new Set([
  'pas', 'jamais', 'aucun', 'aucune', 'rien', 'not', 'no', 'never', "isn't", "wasn't", "aren't", "weren't", "don't",
  "doesn't", "didn't", "won't", 'hardly', 'sans', 'without',
]);

/** Clause boundaries: contrast words start a new clause ("sympa mais le colis était abîmé"). */
export const CLAUSE_BREAKS = new Set(['mais', 'but', 'however', 'cependant', 'pourtant', 'though', 'although', 'whereas', 'tandis', 'sauf', 'except', 'contre']);
