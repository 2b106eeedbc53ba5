// Seeded generators shared by the property test (not a spec file).

// Small vocabulary so that random queries and texts overlap a lot; accented and
// ligatured spellings exercise folding.
const WORDS = [
  'vigie',
  'veille',
  'prix',
  'hausse',
  'service',
  'client',
  'réclamation',
  'été',
  'cœur',
  'avion',
  'lent',
  'top',
];
const TEXT_VARIANTS: Record<string, string[]> = {
  réclamation: ['réclamation', 'RECLAMATION', 'réclamations'],
  été: ['été', 'ETE', 'étés'],
  cœur: ['cœur', 'coeur', 'COEUR'],
  vigie: ['vigie', 'Vigie', '#vigie', '@vigie', 'vigilance'],
  client: ['client', 'clients', 'clientèle'],
};
const SEPARATORS = [' ', ' ', ' ', ', ', '! ', " l'", ' - ', ' 🔥 '];
const LANGS = ['fr', 'en', 'fr-FR', undefined];
const PLATFORMS = ['youtube', 'x', 'tiktok', undefined];

function pick<T>(rnd: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rnd() * xs.length)] as T;
}

export function randomText(rnd: () => number): { text: string; lang?: string; platform?: string } {
  const n = 1 + Math.floor(rnd() * 12);
  let text = '';
  for (let i = 0; i < n; i++) {
    const w = pick(rnd, WORDS);
    text += (i === 0 ? '' : pick(rnd, SEPARATORS)) + pick(rnd, TEXT_VARIANTS[w] ?? [w]);
  }
  const doc: { text: string; lang?: string; platform?: string } = { text };
  const lang = pick(rnd, LANGS);
  const platform = pick(rnd, PLATFORMS);
  if (lang) doc.lang = lang;
  if (platform) doc.platform = platform;
  return doc;
}

function randomTerm(rnd: () => number): string {
  const r = rnd();
  const w = pick(rnd, WORDS);
  if (r < 0.45) return w;
  if (r < 0.6) return `${w.slice(0, 2 + Math.floor(rnd() * 3))}*`;
  if (r < 0.7) return `#${w}`;
  if (r < 0.75) return `@${w}`;
  return `"${w} ${pick(rnd, WORDS)}"`;
}

function randomExpr(rnd: () => number, depth: number): string {
  const r = rnd();
  if (depth <= 0 || r < 0.35) return randomTerm(rnd);
  if (r < 0.5) return `${randomExpr(rnd, depth - 1)} ${randomExpr(rnd, depth - 1)}`;
  if (r < 0.65) return `(${randomExpr(rnd, depth - 1)} OR ${randomExpr(rnd, depth - 1)})`;
  if (r < 0.75) return `${randomExpr(rnd, depth - 1)} NOT ${randomTerm(rnd)}`;
  if (r < 0.85)
    return `(${randomTerm(rnd)} OR ${randomTerm(rnd)}) NEAR/${Math.floor(rnd() * 4)} ${randomTerm(rnd)}`;
  if (r < 0.92) return `${randomExpr(rnd, depth - 1)} lang:${pick(rnd, ['fr', 'en'])}`;
  return `${randomExpr(rnd, depth - 1)} NOT platform:${pick(rnd, ['youtube', 'x'])}`;
}

export function randomQuery(rnd: () => number): string {
  return randomExpr(rnd, 3);
}
