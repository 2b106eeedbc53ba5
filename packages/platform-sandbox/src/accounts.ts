import { digits, hash32, idString } from './rng';
import { PLATFORMS, type BrandKind, type Platform, type SandboxAccount } from './types';

export type Domain = 'beauty' | 'coffee';

export interface BrandDef {
  slug: string;
  name: string;
  kind: BrandKind;
  competitorOf?: string;
  domain: Domain;
  /** Base handle without platform decoration. */
  handle: string;
  /** Relative audience size (own flagship = 1). */
  size: number;
  /** Hashtag used by the brand and its community. */
  hashtag: string;
  /** Products the brand's posts and comments talk about. */
  products: string[];
}

export const BRANDS: readonly BrandDef[] = [
  {
    slug: 'maison-lumiere',
    name: 'Maison Lumière',
    kind: 'own',
    domain: 'beauty',
    handle: 'maisonlumiere',
    size: 1,
    hashtag: 'MaisonLumiere',
    products: [
      'sérum Éclat du Matin',
      'crème Velours',
      'huile démaquillante Rosée',
      'baume lèvres Pivoine',
      'masque Argile Douce',
      'eau micellaire Lumière',
      'fond de teint Seconde Peau',
      'coffret Rituel',
    ],
  },
  {
    slug: 'cafe-brule',
    name: 'Café Brûlé',
    kind: 'own',
    domain: 'coffee',
    handle: 'cafebrule',
    size: 0.55,
    hashtag: 'CafeBrule',
    products: [
      'espresso Ébène',
      'moka d’Éthiopie',
      'cold brew Minuit',
      'blend Faubourg',
      'décaféiné Sérénité',
      'capsules compostables',
      'abonnement Découverte',
      'grains Huehuetenango',
    ],
  },
  {
    slug: 'eclat-paris',
    name: 'Éclat Paris',
    kind: 'competitor',
    competitorOf: 'maison-lumiere',
    domain: 'beauty',
    handle: 'eclatparis',
    size: 1.4,
    hashtag: 'EclatParis',
    products: [
      'sérum Nuit Étoilée',
      'crème Aurore',
      'palette Rive Gauche',
      'mascara Volume Opéra',
      'gel nettoyant Pureté',
      'parfum Boulevard',
    ],
  },
  {
    slug: 'grain-noir',
    name: 'Grain Noir',
    kind: 'competitor',
    competitorOf: 'cafe-brule',
    domain: 'coffee',
    handle: 'grainnoir',
    size: 0.8,
    hashtag: 'GrainNoir',
    products: [
      'espresso Intenso',
      'filtre Colombie',
      'capsules Noir Absolu',
      'blend Atelier',
      'machine Barista One',
    ],
  },
];

// Own brands are connected on every platform.
const OWN_PLATFORMS: readonly Platform[] = PLATFORMS;
// Competitors are only reachable through public data: no LinkedIn admin API, no TikTok login,
// no subreddit of their own, and their blog is followed as a news feed.
const COMPETITOR_PLATFORMS: Platform[] = ['facebook', 'instagram', 'youtube', 'x', 'mastodon', 'bluesky'];

const B32 = 'abcdefghijklmnopqrstuvwxyz234567';
const YT = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function pascal(slug: string): string {
  return slug
    .split('-')
    .map((p) => p[0].toUpperCase() + p.slice(1))
    .join('');
}

export function tiktokOpenId(key: string): string {
  const h = idString(`tt-open|${key}`, 32, '0123456789abcdef');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export function blueskyDid(key: string): string {
  return `did:plc:${idString(`did|${key}`, 24, B32)}`;
}

/** The app password of an own brand's Bluesky account (Bluesky's `xxxx-xxxx-xxxx-xxxx` format). */
export function blueskyAppPassword(key: string): string {
  const raw = idString(`app-password|${key}`, 16, 'abcdefghijklmnopqrstuvwxyz234567');
  return raw.match(/.{4}/g)!.join('-');
}

function accountFor(brand: BrandDef, platform: Platform): SandboxAccount {
  const key = `${brand.slug}:${platform}`;
  const base = {
    key,
    brand: brand.name,
    brandSlug: brand.slug,
    brandKind: brand.kind,
    ...(brand.competitorOf ? { competitorOf: brand.competitorOf } : {}),
    platform,
    displayName: brand.name,
    token: `sbx_${platform}_${brand.slug.replace(/-/g, '_')}`,
    insights: brand.kind === 'own',
  };
  switch (platform) {
    case 'facebook':
      return { ...base, handle: brand.handle, externalId: digits(`fb|${key}`, 15) };
    case 'instagram':
      return { ...base, handle: brand.handle, externalId: `178414${digits(`ig|${key}`, 11)}` };
    case 'youtube':
      return { ...base, handle: `@${brand.handle}`, externalId: `UC${idString(`yt|${key}`, 22, YT)}` };
    case 'x':
      return { ...base, handle: brand.handle, externalId: digits(`x|${key}`, 19) };
    case 'linkedin':
      return { ...base, handle: brand.slug, externalId: String(10_000_000 + (hash32(key) % 89_999_999)) };
    case 'tiktok':
      return { ...base, handle: brand.handle, externalId: tiktokOpenId(key) };
    case 'mastodon':
      return { ...base, handle: `${brand.handle}@${MASTODON_DOMAIN}`, externalId: digits(`masto|${key}`, 18) };
    case 'bluesky':
      return {
        ...base,
        handle: `${brand.handle}.bsky.social`,
        externalId: blueskyDid(key),
        ...(brand.kind === 'own' ? { appPassword: blueskyAppPassword(key) } : {}),
      };
    case 'reddit':
      // The brand's own subreddit; the brand answers there as u/<Brand>_Officiel.
      return { ...base, handle: `r/${pascal(brand.slug)}`, externalId: `t5_${idString(`rd|${key}`, 6, '0123456789abcdefghijklmnopqrstuvwxyz')}` };
    case 'rss':
      // handle = the feed URL; the sandbox serves its path under /rss.
      return { ...base, handle: feedUrl(`${brand.slug}-blog`), externalId: `${brand.slug}-blog` };
  }
}

export const MASTODON_DOMAIN = 'mastodon.example';

/** Public URL of a feed; a connector swaps `https://feeds.example` for the sandbox base URL. */
export const feedUrl = (name: string): string => `https://feeds.example/${name}.xml`;

/** The brand's reddit user (answers in its subreddit). */
export const redditBrandUser = (slug: string): string => `${pascal(slug)}_Officiel`;

export const SANDBOX_ACCOUNTS: readonly SandboxAccount[] = BRANDS.flatMap((b) =>
  (b.kind === 'own' ? OWN_PLATFORMS : COMPETITOR_PLATFORMS).map((p) => accountFor(b, p)),
);

export function brandOf(slug: string): BrandDef {
  const b = BRANDS.find((x) => x.slug === slug);
  if (!b) throw new Error(`unknown brand ${slug}`);
  return b;
}

/** The subreddit owned by a brand (its reddit account posts there). */
export function brandSubreddit(slug: string): string {
  return pascal(slug);
}

/** Public news feeds for the informative veille, beside the brands' blogs. */
export interface SandboxFeed {
  name: string;
  /** Public URL (`https://feeds.example/<name>.xml`), to use as the RSS channel's handle. */
  url: string;
  title: string;
  domain: Domain | 'consumer';
  language: 'fr' | 'en';
}

export const SANDBOX_FEEDS: readonly SandboxFeed[] = [
  { name: 'beaute-mag', url: feedUrl('beaute-mag'), title: 'Beauté Mag — actualités cosmétiques', domain: 'beauty', language: 'fr' },
  { name: 'journal-du-cafe', url: feedUrl('journal-du-cafe'), title: 'Le Journal du Café', domain: 'coffee', language: 'fr' },
  { name: 'conso-alerte', url: feedUrl('conso-alerte'), title: 'Conso Alerte — rappels et litiges', domain: 'consumer', language: 'fr' },
  { name: 'retail-digest', url: feedUrl('retail-digest'), title: 'Retail Digest (EN)', domain: 'consumer', language: 'en' },
];

/** Subreddits where the public talks about the brands' topics. */
export const TOPIC_SUBREDDITS: Record<Domain, string[]> = {
  beauty: ['beaute', 'SkincareAddiction', 'france'],
  coffee: ['Coffee', 'cafe', 'france'],
};
