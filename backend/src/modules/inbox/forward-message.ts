import type { InboxItemView } from './inbox-item-view';

const LABELS = {
  fr: {
    intro: 'Message transféré depuis Vigie',
    platform: 'Plateforme',
    link: 'Lien',
    author: 'Auteur',
    date: 'Date',
    type: 'Type',
    cue: 'indice',
    message: 'Message',
    post: 'Publication',
    none: '(inconnu)',
  },
  en: {
    intro: 'Message forwarded from Vigie',
    platform: 'Platform',
    link: 'Link',
    author: 'Author',
    date: 'Date',
    type: 'Type',
    cue: 'cue',
    message: 'Message',
    post: 'Post',
    none: '(unknown)',
  },
} as const;

const oneLine = (s: string) => s.replace(/[\r\n]+/g, ' ').trim();

/** Plain-text mail forwarding one inbox item to a service: the CM's word, the message, the link. */
export function forwardMessage(
  item: InboxItemView,
  opts: { language: 'fr' | 'en'; brandName: string; note?: string },
): { subject: string; text: string } {
  const l = LABELS[opts.language];
  const excerpt = oneLine(item.text).slice(0, 60);
  const subject = oneLine(`[Vigie] ${item.type} — ${opts.brandName} (${item.post.platform}) : ${excerpt}`);
  const lines: string[] = [];
  if (opts.note?.trim()) lines.push(opts.note.trim(), '');
  lines.push(
    `--- ${l.intro} ---`,
    `${l.platform} : ${item.post.platform}`,
    `${l.link} : ${item.post.permalink ?? l.none}`,
    `${l.author} : ${item.author?.name ?? l.none}`,
    `${l.date} : ${new Date(item.publishedAt).toISOString()}`,
    `${l.type} : ${item.type}${item.reason ? ` (${l.cue} : « ${item.reason} »)` : ''}`,
    '',
    `${l.message} :`,
    item.text,
  );
  if (item.post.excerpt) lines.push('', `${l.post} :`, item.post.excerpt);
  return { subject, text: lines.join('\n') };
}
