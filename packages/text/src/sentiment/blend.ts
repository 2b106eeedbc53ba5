/**
 * Mixes the model's class probabilities with the rule-based lexicon polarity. The model learned
 * from ~4k tweets about politics/climate; the lexicon knows emoji, idioms, negation and
 * intensity on everyday words it never saw. ALPHA was picked by 5-fold CV on train+val (scripts/train.ts --cv).
 */
export const LEXICON_BLEND_ALPHA = 0.3;

export function blendProbs(probs: Float64Array, lexScore: number, alpha: number): void {
  const pos = lexScore > 0 ? lexScore : 0;
  const neg = lexScore < 0 ? -lexScore : 0;
  const lex = [neg, 1 - pos - neg, pos];
  for (let k = 0; k < 3; k++) probs[k] = (1 - alpha) * (probs[k] as number) + alpha * (lex[k] as number);
}
