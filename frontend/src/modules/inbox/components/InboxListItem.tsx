import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../lib/hooks/useLocale';
import type { InboxItemDto as InboxItem } from '@vigie/contracts';
import { ageParts } from '../utils/inbox-keys';

interface Props {
  item: InboxItem;
  selected: boolean;
  onSelect(): void;
}

export function InboxListItem({ item, selected, onSelect }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const age = ageParts(item.ageMinutes);
  const ageText = new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    style: 'unit',
    unit: age.unit,
    unitDisplay: 'narrow',
  }).format(age.value);
  return (
    <li
      role="option"
      aria-selected={selected}
      id={`inbox-item-${item.id}`}
      className={selected ? 'inbox-item inbox-item--selected' : 'inbox-item'}
      onClick={onSelect}
      data-testid="inbox-item"
      data-status={item.status}
    >
      <div className="inbox-item__top">
        <span className={`badge badge--type badge--type-${item.type}`}>{t(`inbox.type.${item.type}`, { defaultValue: item.type })}</span>
        {item.toxic ? <span className="badge badge--failing">{t('inbox.toxic')}</span> : null}
        {item.sentiment ? (
          <span className={`sentiment sentiment--${item.sentiment.label}`}>{t(`sentiment.${item.sentiment.label}`, { defaultValue: item.sentiment.label })}</span>
        ) : null}
        <span className="inbox-item__age muted" title={item.publishedAt}>
          {ageText}
        </span>
      </div>
      {/* User content: rendered as text, never as HTML. */}
      <p className="inbox-item__text">{item.text}</p>
      <div className="inbox-item__meta muted">
        {item.author?.name ?? t('inbox.unknownAuthor')} · {t(`platform.${item.post.platform}`, { defaultValue: item.post.platform })}
        {item.service ? ` · → ${item.service.name ?? ''}` : ''}
        {' · '}
        {t(`inbox.status.${item.status}`)}
      </div>
    </li>
  );
}
