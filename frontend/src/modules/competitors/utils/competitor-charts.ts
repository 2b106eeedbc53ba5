import { seriesColor } from '../../../lib/chart/palette';
import type { CompetitorRowDto as CompetitorRow, ShareOfVoiceDto } from '@vigie/contracts';

/** Mentions per brand (ours first) with each brand's share of the total, in percent. */
export function sovShares(sov: ShareOfVoiceDto): Array<{ name: string; mentions: number; share: number | null; own: boolean }> {
  const rows = [
    ...(sov.brand.mentions === null ? [] : [{ name: sov.brand.name, mentions: sov.brand.mentions, own: true }]),
    ...sov.competitors.map((c) => ({ name: c.name, mentions: c.mentions, own: false })),
  ];
  const total = rows.reduce((s, r) => s + r.mentions, 0);
  return rows.map((r) => ({ ...r, share: total > 0 ? r.mentions / total : null }));
}

/** One bar per account, grouped and coloured by brand (same colour for a brand's accounts). */
export function accountBars(items: CompetitorRow[], value: (r: CompetitorRow) => number | null, label: string, scale = 1) {
  const brandIds = [...new Set(items.map((i) => i.brandId))];
  return {
    labels: items.map((i) => `${i.brandName} · ${i.platform}`),
    datasets: [
      {
        label,
        data: items.map((i) => {
          const v = value(i);
          return v === null ? null : v * scale;
        }),
        backgroundColor: items.map((i) => seriesColor(brandIds.indexOf(i.brandId))),
      },
    ],
  };
}

/** Share-of-voice line over buckets, in percent; null where nobody was mentioned. */
export function sovSeries(sov: ShareOfVoiceDto, label: string, formatBucket: (bucket: string) => string = (b) => b) {
  return {
    labels: sov.series.map((p) => formatBucket(p.bucket)),
    datasets: [
      {
        label,
        data: sov.series.map((p) => (p.shareOfVoice === null ? null : p.shareOfVoice * 100)),
        borderColor: seriesColor(0),
        backgroundColor: seriesColor(0),
        spanGaps: false,
        tension: 0.25,
        pointRadius: sov.series.length > 40 ? 0 : 2,
      },
    ],
  };
}
