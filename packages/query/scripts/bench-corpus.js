'use strict';
// Deterministic generator of FR/EN social-media-like texts and watch queries for the bench.

const { mulberry32 } = require('@vigie/seeded-random');

const FR =
  `le la les de des du un une et à en est pas que qui pour sur dans au avec ce il elle on nous vous
ils je tu mais ou plus très bien tout trop rien encore déjà toujours jamais aussi comme quand fait faire été
être avoir merci bonjour salut super génial nul top bravo franchement vraiment enfin hier demain aujourd'hui
commande livraison colis retard remboursement réclamation service client clientèle conseiller réponse attente
produit qualité prix tarif promo soldes offre abonnement résiliation facture paiement carte compte appli
application site bug panne réseau connexion magasin boutique caisse vendeur équipe accueil sourire problème
solution délai semaine mois jour heure minute téléphone mail message avis note étoile recommande déçu content
satisfait furieux énervé heureux ravi inquiet surpris cœur œuvre été hiver printemps automne vacances voyage
avion train gare aéroport hôtel chambre restaurant repas café déjeuner dîner goût menu carte vin bière dessert
nouveau nouvelle collection lancement événement concert festival match équipe victoire défaite joueur stade
écologie climat énergie électrique voiture vélo trottinette bus métro grève manifestation gouvernement loi
santé hôpital médecin pharmacie vaccin école élève professeur université étudiant emploi travail salaire
entreprise startup innovation technologie intelligence artificielle données sécurité vie privée`.split(
    /\s+/,
  );

const EN =
  `the a an and or but to of in on for with at by from is are was were be been have has had do does did
not no yes very really so too just still already never always also like when make made get got thanks hello
hi great awesome terrible bad good best worst love hate order delivery package parcel late refund complaint
customer service support agent reply answer waiting product quality price pricing deal sale offer subscription
cancel invoice payment card account app website bug outage network connection store shop checkout staff team
smile problem issue fix solution delay week month day hour minute phone email message review rating star
recommend disappointed happy angry upset glad worried surprised summer winter spring holiday trip flight plane
train station airport hotel room restaurant meal coffee lunch dinner taste menu wine beer dessert new launch
collection event concert festival game team win loss player stadium climate energy electric car bike scooter
bus subway strike protest government law health hospital doctor pharmacy vaccine school student teacher
university job work salary company startup innovation technology artificial intelligence data security privacy`.split(
    /\s+/,
  );

// Brands, products and topics a community manager would watch (rare in the stream).
const KNOWN_BRANDS =
  `vigie veilleo caféo lumio trainly fly4u hotelia mobilix banqora assuro ecocar voltaire monoprixa
decathlix fnaclo sncfy ratpix orangine freebox bouygo sfrance leroy castora ikeo zaranda hennes nikea adidor
pumo renaud peugot citroen teslo airbus boeingo michelin loreal danone nestla carrefouro auchane lidlo aldix
picardo darty boulangerie lumière étoilé spotif deezer netflixo disneo canalplus youtubo tiktoc instagrame`.split(
    /\s+/,
  );

const SYLLABLES =
  'ba be bi bo bu da de di do du fa fe fi fo ga gi go la le li lo lu ma me mi mo mu na ne ni no pa pe pi po ra re ri ro ru sa se si so ta te ti to va ve vi vo za zo é è on an in ou ch'.split(
    ' ',
  );
const PUNCT = [
  ' ',
  ' ',
  ' ',
  ' ',
  ' ',
  ' ',
  ' ',
  ' ',
  ', ',
  '. ',
  '! ',
  ' ? ',
  ' - ',
  ' : ',
  ' … ',
];
const EMOJI = ['🔥', '👍', '😡', '❤️', '😂', '🙏🏽', '👀'];
const PLATFORMS = [
  'x',
  'facebook',
  'instagram',
  'youtube',
  'tiktok',
  'linkedin',
  'mastodon',
  'bluesky',
  'reddit',
  'rss',
];

/** Zipf-weighted sampler over a list (rank r has weight 1 / (r + 1)^s). */
function zipf(list, s) {
  const cum = new Float64Array(list.length);
  let total = 0;
  for (let i = 0; i < list.length; i++) cum[i] = total += 1 / Math.pow(i + 1, s);
  return (rnd) => {
    const x = rnd() * total;
    let lo = 0;
    let hi = list.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return list[lo];
  };
}

function makeTail(rnd, n) {
  const out = new Set();
  while (out.size < n) {
    let w = '';
    const k = 2 + Math.floor(rnd() * 3);
    for (let i = 0; i < k; i++) w += SYLLABLES[Math.floor(rnd() * SYLLABLES.length)];
    out.add(w);
  }
  return [...out];
}

function createCorpus(seed) {
  const rnd = mulberry32(seed);
  // Rare words (names, typos, slang) are synthesised: a long tail keeps the dictionary realistic.
  const tail = makeTail(rnd, 6000);
  const frWords = [...FR, ...tail.slice(0, 3000)];
  const enWords = [...EN, ...tail.slice(3000)];
  const fr = zipf(frWords, 1.1);
  const en = zipf(enWords, 1.1);
  // A shared instance watches many workspaces: 1,000 queries cover hundreds of names.
  const names = [
    ...KNOWN_BRANDS,
    ...makeTail(rnd, 900).map((w, i) =>
      i % 3 === 0 ? `${w}o` : i % 3 === 1 ? `${w}ix` : `${w}ly`,
    ),
  ];
  const brand = zipf(names, 0.6);
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const BRANDS = names;

  /** Next ~20-word post; deterministic for a given seed and call order. */
  function nextText() {
    const lang = rnd() < 0.65 ? 'fr' : 'en';
    const word = lang === 'fr' ? fr : en;
    const n = 12 + Math.floor(rnd() * 17);
    let text = '';
    for (let i = 0; i < n; i++) {
      const r = rnd();
      let w;
      if (r < 0.03) w = brand(rnd);
      else if (r < 0.045) w = `#${rnd() < 0.5 ? brand(rnd) : word(rnd)}`;
      else if (r < 0.055) w = `@${brand(rnd)}${rnd() < 0.5 ? '_fr' : ''}`;
      else if (r < 0.06) w = pick(EMOJI);
      else if (r < 0.063) w = `https://www.${brand(rnd)}.com/p/${Math.floor(rnd() * 1e5)}`;
      else w = word(rnd);
      if (r > 0.9 && i === 0) w = w[0].toUpperCase() + w.slice(1);
      text += (i === 0 ? '' : pick(PUNCT)) + w;
    }
    return { text, lang, platform: pick(PLATFORMS) };
  }

  // Query terms come from brands and the mid/low-frequency vocabulary, like real watch
  // lists ("réclamation", "remboursement"), never from stop words.
  const topicFr = FR.slice(60);
  const topicEn = EN.slice(60);
  function term() {
    const r = rnd();
    const topic = rnd() < 0.6 ? pick(topicFr) : pick(topicEn);
    if (r < 0.35) return pick(BRANDS);
    if (r < 0.6) return topic;
    if (r < 0.72) return `${topic.slice(0, Math.max(3, Math.min(topic.length - 1, 5)))}*`;
    if (r < 0.8) return `#${pick(BRANDS)}`;
    if (r < 0.84) return `@${pick(BRANDS)}`;
    return `"${pick(BRANDS)} ${pick(rnd() < 0.5 ? topicFr : topicEn)}"`;
  }

  /** A query of 1–6 terms mixing OR groups, NOT, NEAR and filters. */
  function nextQuery() {
    const nTerms = 1 + Math.floor(rnd() * 6);
    const parts = [];
    let used = 0;
    const head = pick(BRANDS);
    // Most watch queries are "brand (topic OR topic) NOT noise".
    if (nTerms === 1) return rnd() < 0.5 ? head : `#${head}`;
    parts.push(rnd() < 0.3 ? `(${head} OR #${head})` : head);
    used = 1;
    while (used < nTerms) {
      const r = rnd();
      const left = nTerms - used;
      if (r < 0.3 && left >= 2) {
        parts.push(`(${term()} OR ${term()})`);
        used += 2;
      } else if (r < 0.45) {
        parts.push(`NOT ${term()}`);
        used += 1;
      } else if (r < 0.6 && left >= 2) {
        parts.push(`${term()} NEAR/${1 + Math.floor(rnd() * 5)} ${term()}`);
        used += 2;
      } else if (r < 0.7) {
        // Alternative spelling of the watched name: "brand … OR brandapp".
        parts.push(`OR ${pick(BRANDS)}${rnd() < 0.5 ? '*' : ''}`);
        used += 1;
      } else {
        parts.push(term());
        used += 1;
      }
    }
    if (rnd() < 0.2)
      parts.push(rnd() < 0.5 ? `lang:${pick(['fr', 'en'])}` : `platform:${pick(PLATFORMS)}`);
    return parts.join(' ');
  }

  return { nextText, nextQuery };
}

module.exports = { createCorpus };
