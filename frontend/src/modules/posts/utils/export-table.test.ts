import { describe, expect, it } from 'vitest';
import { toPostRow } from '../post-row';
import { neutralizeFormula, postsExportTable, toCsv, type ExportLabels } from './export-table';

const labels = Object.fromEntries(
  ['publishedAt', 'platform', 'account', 'contentType', 'text', 'permalink', 'impressions', 'reach', 'interactions', 'reactions', 'comments', 'shares', 'saves', 'clicks', 'videoViews', 'engagementRateByReach', 'engagementRateByImpressions'].map((k) => [k, k]),
) as unknown as ExportLabels;

// Shape of GET /posts items (kpi/posts/posts-query.service.ts toPostDto).
const apiPost = {
  id: '7',
  channelAccountId: 'c1',
  platform: 'facebook',
  handle: 'cafetest',
  externalId: 'x',
  publishedAt: '2025-03-01T08:30:00.000Z',
  contentType: 'photo',
  text: 'Nouveau "latte", 100 % bio,\nen boutique',
  permalink: 'https://facebook.com/1',
  impressionsDefinition: 'impressions',
  metrics: { impressions: 2000, reach: 1000, reactions: 90, comments: 8, shares: 2, saves: null, clicks: 15, videoViews: null, interactions: 100 },
  rates: { engagementRateByReach: 0.1, engagementRateByImpressions: 0.05, ctr: 0.0075 },
};

describe('toPostRow', () => {
  it('reads metrics and rates from the API shape', () => {
    const r = toPostRow(apiPost);
    expect(r.reach).toBe(1000);
    expect(r.interactions).toBe(100);
    expect(r.engagementRateByReach).toBe(0.1);
    expect(r.saves).toBeNull();
  });
  it('derives interactions and rates when the API leaves them out', () => {
    const r = toPostRow({ id: '1', platform: 'x', text: '', publishedAt: '', reach: 50, reactions: 3, comments: 2 });
    expect(r.interactions).toBe(5);
    expect(r.engagementRateByReach).toBe(0.1);
  });
});

describe('CSV export', () => {
  it('quotes text with commas, quotes and newlines, keeps numbers raw and rates in percent', () => {
    const csv = toCsv(postsExportTable([toPostRow(apiPost)], labels));
    const [header, row] = csv.slice(1).split('\r\n');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(header.split(',')[15]).toBe('engagementRateByReach (%)');
    expect(row).toBe(
      '2025-03-01T08:30:00.000Z,facebook,cafetest,photo,"Nouveau ""latte"", 100 % bio,\nen boutique",https://facebook.com/1,2000,1000,100,90,8,2,,15,,10,5',
    );
  });

  it('neutralises spreadsheet formulas in user text', () => {
    expect(neutralizeFormula('=HYPERLINK("http://evil")')).toBe('\'=HYPERLINK("http://evil")');
    expect(neutralizeFormula('-5 % ce mois')).toBe("'-5 % ce mois");
    expect(neutralizeFormula('Bonjour')).toBe('Bonjour');
    const csv = toCsv({ headers: ['t'], rows: [['@SUM(A1)']] });
    expect(csv).toContain("'@SUM(A1)");
  });
});
