import type { TextAnalysis } from '@vigie/text';
import { commentWriteBack, postWriteBack } from './labels-write-back.sql';

const a = (type: TextAnalysis['requestType']['type'], reason: string | null, label: 'positive' | 'negative', score: number, toxic = false): TextAnalysis => ({
  language: 'fr',
  sentiment: { label, score },
  requestType: { type, reason },
  toxic,
  toxicity: { reason: null },
});

describe('commentWriteBack', () => {
  it('builds one UPDATE … FROM (VALUES …) with 10 typed parameters a row', () => {
    const { sql, params } = commentWriteBack(
      [
        { id: '11', text: 'Où est ma commande ?', isFromBrand: false },
        { id: '12', text: 'Merci, on regarde !', isFromBrand: true },
      ],
      [a('complaint', 'ou est ma commande', 'negative', -0.5), a('praise', 'merci', 'positive', 0.7, true)],
    );
    expect(sql.match(/UPDATE comments/g)).toHaveLength(1);
    expect(sql).toContain(
      'VALUES ($1::bigint, $2::text, $3::text, $4::real, $5::text, $6::text, $7::boolean, $8::real, $9::jsonb, $10::jsonb), ($11::bigint, $12::text, $13::text, $14::real, $15::text, $16::text, $17::boolean, $18::real, $19::jsonb, $20::jsonb)',
    );
    expect(sql).toContain('enriched_at = now()');
    // The brand's reply keeps language and sentiment but gets no request type.
    expect(params).toEqual(['11', 'fr', 'negative', -0.5, 'complaint', 'ou est ma commande', false, null, null, null, '12', 'fr', 'positive', 0.7, null, null, true, null, null, null]);
  });

  it('keeps the classifier’s reasons (cues with offsets, top features) and the aspects, compactly', () => {
    const text = 'Colis pas reçu et le service client ne répond pas';
    const analysis: TextAnalysis = {
      ...a('complaint', 'pas recu', 'negative', -0.6),
      requestType: {
        type: 'complaint',
        reason: 'pas recu',
        confidence: 0.91,
        explanation: {
          cues: [{ type: 'complaint', phrase: 'pas recu', text: 'pas recu', weight: 2, legacyWeight: 2, start: 6, end: 14 }],
          features: [{ feature: 'cue:complaint', weight: 1.23456 }],
          runnerUp: { type: 'question', probability: 0.0512 },
        },
      },
      aspects: [
        { aspect: 'delivery', text: 'Colis', start: 0, end: 5, polarity: 'negative', score: -0.6, clause: 'Colis pas reçu' },
        { aspect: 'customer_service', text: 'service client', start: 21, end: 35, polarity: 'negative', score: -0.5, clause: 'le service client ne répond pas' },
      ],
    };
    const { params } = commentWriteBack([{ id: '7', text, isFromBrand: false }], [analysis]);
    expect(params.slice(7)).toEqual([
      0.91,
      JSON.stringify({ confidence: 0.91, cues: [{ type: 'complaint', text: 'pas recu', start: 6, end: 14 }], features: [{ feature: 'cue:complaint', weight: 1.235 }], runnerUp: { type: 'question', probability: 0.051 } }),
      JSON.stringify([
        { aspect: 'delivery', polarity: 'negative', start: 0, end: 5 },
        { aspect: 'customer_service', polarity: 'negative', start: 21, end: 35 },
      ]),
    ]);
  });

  it('writes language and sentiment of posts', () => {
    const { sql, params } = postWriteBack(['5'], [a('question', 'how', 'positive', 0.2)]);
    expect(sql).toContain('VALUES ($1::bigint, $2::text, $3::text, $4::real)');
    expect(params).toEqual(['5', 'fr', 'positive', 0.2]);
  });
});
