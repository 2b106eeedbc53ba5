import { decode } from 'html-entities';

/**
 * Mastodon statuses and RSS descriptions are HTML: keep the words, drop the markup.
 * Block ends become line breaks; entities are decoded after the tags are gone so an encoded
 * `&lt;b&gt;` stays visible text. Tolerates malformed markup (Mastodon's own docs ship `</span}`).
 */
export function htmlToText(html: string): string {
  const withBreaks = html
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h[1-6]|blockquote|tr)\s*>/gi, '\n');
  const noTags = withBreaks
    .replace(/<[^>]*>/g, '')
    // An unterminated tag (`</span}`) left before a break or the end is markup too.
    .replace(/<\/?[a-z][a-z0-9]*\b[^<>\n]*(?=\n|$)/gi, '');
  return decode(noTags, { level: 'html5' })
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
