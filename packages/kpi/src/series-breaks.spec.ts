import { detectSeriesBreak, seriesBreakDates, type SeriesPoint } from './series-breaks';

const fb = (date: string, sourceMetric: string): SeriesPoint => ({
  date,
  platform: 'facebook',
  sourceMetric,
});
const ig = (date: string, sourceMetric: string): SeriesPoint => ({
  date,
  platform: 'instagram',
  sourceMetric,
});

describe('detectSeriesBreak', () => {
  it('flags the first day measured with views after impressions', () => {
    const breaks = detectSeriesBreak([
      fb('2025-06-01', 'post_impressions'),
      fb('2025-06-02', 'post_impressions'),
      fb('2025-06-03', 'post_media_view'),
      fb('2025-06-04', 'post_media_view'),
    ]);
    expect(breaks).toEqual([
      {
        date: '2025-06-03',
        platform: 'facebook',
        canonical: 'impressions',
        fromEra: 'impressions',
        toEra: 'views',
        fromMetric: 'post_impressions',
        toMetric: 'post_media_view',
      },
    ]);
  });

  it.each<[string, SeriesPoint[], string[]]>([
    [
      'one definition only',
      [fb('2025-01-01', 'post_impressions'), fb('2025-01-02', 'post_impressions')],
      [],
    ],
    ['views only', [ig('2025-05-01', 'views'), ig('2025-05-02', 'views')], []],
    ['empty series', [], []],
    [
      'unsorted input',
      [ig('2025-04-22', 'views'), ig('2025-04-20', 'impressions'), ig('2025-04-21', 'views')],
      ['2025-04-21'],
    ],
    [
      'Instagram plays (videoViews) and views (impressions) are different series',
      [ig('2025-04-10', 'plays'), ig('2025-04-25', 'views')],
      [],
    ],
    [
      'reach (no era) does not end an impressions segment',
      [ig('2025-04-01', 'impressions'), ig('2025-04-02', 'reach'), ig('2025-04-03', 'impressions')],
      [],
    ],
    [
      'back and forth (mixed imports) gives two breaks',
      [
        fb('2025-06-01', 'post_impressions_unique'),
        fb('2025-06-02', 'post_total_media_view_unique'),
        fb('2025-06-03', 'post_impressions_unique'),
      ],
      ['2025-06-02', '2025-06-03'],
    ],
    [
      'impressions and reach are separate series',
      [fb('2025-06-01', 'post_impressions'), fb('2025-06-02', 'post_total_media_view_unique')],
      [],
    ],
    [
      'platforms are separate series',
      [
        fb('2025-06-01', 'post_impressions'),
        ig('2025-06-02', 'views'),
        fb('2025-06-03', 'post_impressions'),
      ],
      [],
    ],
    [
      'non-Meta metrics never break',
      [{ date: '2025-06-01', platform: 'x', sourceMetric: 'impression_count' }],
      [],
    ],
  ])('%s', (_label, points, expectedDates) => {
    expect(detectSeriesBreak(points).map((found) => found.date)).toEqual(expectedDates);
  });

  it('reports breaks on several platforms, sorted by date', () => {
    const points = [
      fb('2025-11-16', 'post_media_view'),
      fb('2025-11-15', 'post_impressions'),
      ig('2025-04-20', 'impressions'),
      ig('2025-04-21', 'views'),
      fb('2025-11-16', 'post_total_media_view_unique'),
      fb('2025-11-15', 'post_impressions_unique'),
    ];
    expect(
      detectSeriesBreak(points).map(
        (found) => `${found.date} ${found.platform} ${found.canonical}`,
      ),
    ).toEqual([
      '2025-04-21 instagram impressions',
      '2025-11-16 facebook impressions',
      '2025-11-16 facebook reach',
    ]);
    expect(seriesBreakDates(points)).toEqual(['2025-04-21', '2025-11-16']);
  });
});
