import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fixture, fixtureText } from '../__tests__/fixture-server';
import { decodeFeed, parseFeed } from './rss.mapper';

interface Expected {
  feed: { title: string; items: Array<{ title: string; link: string; isoDate?: string; guid?: string; id?: string }> };
}

describe('parseFeed against rss-parser golden outputs', () => {
  it.each([
    ['narro.rss', 'narro.expected.json'],
    ['heise.atom', 'heise.expected.json'],
  ])('%s', (input, expected) => {
    const want = fixture<Expected>('rss', expected).feed;
    const got = parseFeed(fixtureText('rss', input));
    expect(got.title).toBe(want.title);
    expect(got.items.map((i) => [i.title, i.link, i.publishedAt, i.id])).toEqual(
      want.items.map((i) => [i.title.trim(), i.link, i.isoDate ?? null, i.guid ?? i.id]),
    );
  });

  it('decodes an ISO-8859-1 feed from its XML declaration', () => {
    const bytes = readFileSync(resolve(__dirname, '__fixtures__/encoding.rss'));
    const feed = parseFeed(decodeFeed(bytes, 'application/rss+xml'));
    expect(feed.title).toBe('Jornal de Notícias - Últimas Notícias');
    expect(feed.items.length).toBeGreaterThan(0);
  });

  it('turns item HTML into text', () => {
    const xml = '<rss version="2.0"><channel><title>T</title><item><title>A &amp; B</title><link>https://e.org/1</link><pubDate>Mon, 06 May 2024 08:00:00 +0200</pubDate><description><![CDATA[<p>Un <b>test</b>&nbsp;ici</p>]]></description></item></channel></rss>';
    const [item] = parseFeed(xml).items;
    expect(item).toEqual({ id: 'https://e.org/1', title: 'A & B', link: 'https://e.org/1', publishedAt: '2024-05-06T06:00:00.000Z', text: 'Un test ici', author: null });
  });

  it('rejects a document that is not a feed', () => {
    expect(() => parseFeed('<html><body>nope</body></html>')).toThrow(/MALFORMED|unexpected value at \$/);
  });
});
