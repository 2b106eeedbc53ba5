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
  it('builds one UPDATE … FROM (VALUES …) with 7 typed parameters a row', () => {
    const { sql, params } = commentWriteBack(
      [
        { id: '11', text: 'Où est ma commande ?', isFromBrand: false },
        { id: '12', text: 'Merci, on regarde !', isFromBrand: true },
      ],
      [a('complaint', 'ou est ma commande', 'negative', -0.5), a('praise', 'merci', 'positive', 0.7, true)],
    );
    expect(sql.match(/UPDATE comments/g)).toHaveLength(1);
    expect(sql).toContain(
      'VALUES ($1::bigint, $2::text, $3::text, $4::real, $5::text, $6::text, $7::boolean), ($8::bigint, $9::text, $10::text, $11::real, $12::text, $13::text, $14::boolean)',
    );
    expect(sql).toContain('enriched_at = now()');
    // The brand's reply keeps language and sentiment but gets no request type.
    expect(params).toEqual(['11', 'fr', 'negative', -0.5, 'complaint', 'ou est ma commande', false, '12', 'fr', 'positive', 0.7, null, null, true]);
  });

  it('writes language and sentiment of posts', () => {
    const { sql, params } = postWriteBack(['5'], [a('question', 'how', 'positive', 0.2)]);
    expect(sql).toContain('VALUES ($1::bigint, $2::text, $3::text, $4::real)');
    expect(params).toEqual(['5', 'fr', 'positive', 0.2]);
  });
});
