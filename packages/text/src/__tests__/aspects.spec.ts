import { analyze, ASPECTS, detectAspects, summarizeAspects } from '../index';
import type { AspectKey } from '../index';

type Expected = Partial<Record<AspectKey, 'negative' | 'neutral' | 'positive'>>;

describe('aspects', () => {
  it.each<[string, Expected]>([
    // FR
    ['Trop cher pour ce que c’est', { price: 'negative' }],
    ['Livraison en retard de 5 jours', { delivery: 'negative' }],
    ['livraison rapide, merci', { delivery: 'positive' }],
    ['Le SAV m’a raccroché au nez', { customer_service: 'negative' }],
    ['L’appli plante à chaque paiement', { app_website: 'negative' }],
    ['Encore en rupture de stock', { availability: 'negative' }],
    ['Les toilettes étaient sales', { cleanliness: 'negative' }],
    ['45 minutes d’attente en caisse', { waiting_time: 'negative' }],
    // EN
    ['Way too expensive', { price: 'negative' }],
    ['The staff were lovely', { staff: 'positive' }],
    ['Excellent quality', { product_quality: 'positive' }],
    ['My parcel never arrived', { delivery: 'negative' }],
    ['Customer service was rude', { customer_service: 'negative' }],
    // negation
    ['pas cher du tout', { price: 'positive' }],
    ['not expensive at all', { price: 'positive' }],
    ['Le personnel n’était pas aimable', { staff: 'negative' }],
    ["The product isn't bad", { product_quality: 'positive' }],
    // several aspects, one clause each
    ['super produit mais livraison lente', { product_quality: 'positive', delivery: 'negative' }],
    ['The waiter was friendly but the prices are insane', { staff: 'positive', price: 'negative' }],
    ['Les prix sont corrects et la livraison rapide', { price: 'positive', delivery: 'positive' }],
    // accents, SMS
    ['livraison tjrs pas arrivee, service client injoignable', { delivery: 'negative', customer_service: 'negative' }],
    ['QUALITE TOP', { product_quality: 'positive' }],
    // nothing
    ['Vous ouvrez à quelle heure ?', {}],
    ['@julie regarde 😂', {}],
  ])('%s', (text, expected) => {
    expect(summarizeAspects(detectAspects(text))).toEqual(expected);
  });

  it('gives the matched span and the clause', () => {
    const text = 'Super produit, mais la livraison était lente.';
    const m = detectAspects(text, 'fr').find((x) => x.aspect === 'delivery');
    expect(m).toBeDefined();
    expect(text.slice(m!.start, m!.end)).toBe('livraison');
    expect(m!.text).toBe('livraison');
    expect(m!.clause).toContain('livraison était lente');
    expect(m!.polarity).toBe('negative');
  });

  it('is part of analyze() and ASPECTS lists the keys', () => {
    expect(ASPECTS).toContain('price');
    expect(analyze('Trop cher').aspects?.map((a) => a.aspect)).toEqual(['price']);
    expect(analyze('').aspects).toEqual([]);
  });
});
