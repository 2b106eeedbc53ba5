import { momentLine } from './crisis-report';

const moment = (m: Partial<Parameters<typeof momentLine>[0]>): Parameters<typeof momentLine>[0] => ({
  kind: 'peak',
  at: '2026-03-01T10:00:00Z',
  label: 'English label',
  count: null,
  value: null,
  author: null,
  platform: null,
  language: null,
  manual: null,
  minutes: null,
  ...m,
});

describe('momentLine: the timeline moments in the report language', () => {
  it.each<[string, Partial<Parameters<typeof momentLine>[0]>, string, string]>([
    ['first mention', { kind: 'first_mention', platform: 'bluesky' }, 'Première mention (Bluesky)', 'First mention (Bluesky)'],
    [
      'big account',
      { kind: 'big_account', author: 'Lecteur 7A2F', value: 120000, platform: 'x', count: 3 },
      "Lecteur 7A2F (120\u202f000 abonnés, X) s'en empare",
      'Lecteur 7A2F (120,000 followers, X) joined',
    ],
    ['statement', { kind: 'statement_posted', language: 'fr', manual: true }, 'Déclaration publiée (fr, publiée à la main)', 'Statement posted (fr, manually)'],
    ['peak', { kind: 'peak', count: 1250, value: 8.5 }, 'Pic : 1\u202f250 mentions en 5 min', 'Peak: 1,250 mentions in 5 min'],
    ['decline', { kind: 'decline', value: 3, minutes: 30 }, 'Décrue : moins de 3 mentions par 5 min pendant 30 min', 'Decline: under 3 mentions per 5 min for 30 min'],
  ])('%s', (_what, m, fr, en) => {
    expect(momentLine(moment(m), 'fr', 5)).toBe(fr);
    expect(momentLine(moment(m), 'en', 5)).toBe(en);
  });
});
