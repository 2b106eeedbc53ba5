import { Rng, hash32 } from '../rng';

export interface Persona {
  key: string;
  name: string;
  /** Lower-case handle without @. */
  handle: string;
  lang: 'fr' | 'en';
  /** Rough audience, for influencer ranking in the veille. */
  followers: number;
}

const FR_FIRST = ['Camille', 'Léa', 'Manon', 'Chloé', 'Inès', 'Sarah', 'Julie', 'Emma', 'Lucie', 'Clara', 'Anaïs', 'Mélanie', 'Nadia', 'Sophie', 'Aurélie', 'Hugo', 'Lucas', 'Thomas', 'Nicolas', 'Julien', 'Karim', 'Mehdi', 'Antoine', 'Maxime', 'Romain', 'Yanis', 'Théo', 'Élodie', 'Fatou', 'Margaux', 'Océane', 'Pauline', 'Baptiste', 'Quentin', 'Amandine', 'Jérôme', 'Sylvie', 'Nathalie', 'Brigitte', 'Gaëlle'];
const FR_LAST = ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent', 'Lefebvre', 'Michel', 'Garcia', 'Benali', 'Roux', 'Fontaine', 'Chevalier', 'Nguyen', 'Diallo', 'Mercier', 'Blanc', 'Guérin', 'Boyer', 'Lemaire', 'Faure', 'Rousseau', 'Haddad', 'Perrin'];
const EN_FIRST = ['Emily', 'Olivia', 'Jessica', 'Hannah', 'Grace', 'Megan', 'Sophie', 'Chloe', 'Amelia', 'Ruby', 'James', 'Oliver', 'Jack', 'Harry', 'Daniel', 'Ryan', 'Ethan', 'Noah', 'Priya', 'Aisha', 'Mia', 'Zoe', 'Liam', 'Tyler'];
const EN_LAST = ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Evans', 'Walker', 'Wright', 'Patel', 'Khan', 'Clarke', 'Hughes', 'Green', 'Hall', 'Wood', 'Baker', 'Turner', 'Murphy', 'Kelly'];
const HANDLE_STYLES = [
  (f: string, l: string) => `${f}.${l}`,
  (f: string, l: string) => `${f}_${l}`,
  (f: string, l: string) => `${f}${l[0]}`,
  (f: string, l: string) => `${f}${l}`,
  (f: string, _l: string, n: number) => `${f}${n}`,
  (f: string, l: string, n: number) => `${f[0]}${l}${n % 100}`,
];

function ascii(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9._]/g, '');
}

/** A fixed crowd of commenters, generated once from the seed. */
export function makePersonas(seed: number, count = 420): Persona[] {
  const r = new Rng(hash32(`personas|${seed}`));
  const out: Persona[] = [];
  const seen = new Set<string>();
  while (out.length < count) {
    const lang = r.chance(0.72) ? 'fr' : 'en';
    const first = r.pick(lang === 'fr' ? FR_FIRST : EN_FIRST);
    const last = r.pick(lang === 'fr' ? FR_LAST : EN_LAST);
    const n = r.int(1, 1999);
    const handle = ascii(r.pick(HANDLE_STYLES)(first, last, n));
    if (seen.has(handle)) continue;
    seen.add(handle);
    // Most people have a small audience; a few are influencers.
    const followers = Math.round(r.chance(0.04) ? r.int(20_000, 250_000) : r.exp(400));
    out.push({ key: `p${out.length}`, name: `${first} ${last}`, handle, lang, followers });
  }
  return out;
}
