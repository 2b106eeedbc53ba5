import type { InboxDetailDto } from '@vigie/contracts';
import { useTranslation } from 'react-i18next';
import { formatPercent } from '../../../lib/format';
import { useLocale } from '../../../lib/hooks/useLocale';
import { describeFeature, markPieces } from '../utils/explanation';

/** The message with the classifier's cues and the themes underlined (as text, never HTML). */
export function MarkedText({ text, detail }: { text: string; detail: Pick<InboxDetailDto, 'explanation' | 'aspects'> | null }) {
  const { t } = useTranslation();
  const pieces = markPieces(text, detail?.explanation ?? null, detail?.aspects ?? []);
  return (
    <p className="inbox-detail__text" data-testid="inbox-detail-text">
      {pieces.map((p, i) =>
        p.mark ? (
          <mark
            key={i}
            className={p.mark.kind === 'cue' ? 'cue-mark' : `aspect-mark aspect-mark--${p.mark.polarity}`}
            title={
              p.mark.kind === 'cue'
                ? t('inbox.why.cueFor', { type: t(`inbox.type.${p.mark.type}`, { defaultValue: p.mark.type }) })
                : `${t(`themes.aspect.${p.mark.aspect}`, { defaultValue: p.mark.aspect })} · ${t(`sentiment.${p.mark.polarity}`)}`
            }
          >
            {p.text}
          </mark>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </p>
  );
}

/** "Why this type?": how sure the classifier was, what it read, the close second, the themes. */
export function WhyThisType({ detail }: { detail: Pick<InboxDetailDto, 'explanation' | 'aspects'> }) {
  const { t } = useTranslation();
  const locale = useLocale();
  // A server from before explanations sends neither field.
  const e = detail.explanation ?? null;
  const aspects = detail.aspects ?? [];
  if (!e && aspects.length === 0) return null;
  const typeName = (type: string) => t(`inbox.type.${type}`, { defaultValue: type });
  const features = (e?.features ?? []).filter((f) => f.weight > 0);
  return (
    <details className="inbox-why" data-testid="inbox-why">
      <summary>{t('inbox.why.title')}</summary>
      {e ? (
        <>
          {e.confidence !== null ? <p>{t('inbox.why.confidence', { value: formatPercent(e.confidence, locale, 0) })}</p> : null}
          {e.cues.length > 0 ? (
            <p>
              {t('inbox.why.cues')}{' '}
              {e.cues.map((c, i) => (
                <span key={i}>
                  {i > 0 ? ', ' : ''}« {c.text} » <span className="muted">({typeName(c.type)})</span>
                </span>
              ))}
            </p>
          ) : (
            <p className="muted">{t('inbox.why.noCue')}</p>
          )}
          {features.length > 0 ? (
            <p>
              {t('inbox.why.features')}{' '}
              {features
                .map((f) => {
                  const d = describeFeature(f.feature);
                  const values = d.values.type ? { ...d.values, type: typeName(d.values.type) } : d.values;
                  return t(`inbox.why.feature.${d.key}`, { ...values, defaultValue: f.feature });
                })
                .join(' · ')}
            </p>
          ) : null}
          {e.runnerUp ? (
            <p className="muted">{t('inbox.why.runnerUp', { type: typeName(e.runnerUp.type), value: formatPercent(e.runnerUp.probability, locale, 0) })}</p>
          ) : null}
        </>
      ) : null}
      {aspects.length > 0 ? (
        <p>
          {t('inbox.why.themes')}{' '}
          {aspects.map((a, i) => (
            <span key={i} className={`badge badge--tone-${a.polarity}`}>
              {t(`themes.aspect.${a.aspect}`, { defaultValue: a.aspect })} · {t(`sentiment.${a.polarity}`)}
            </span>
          ))}
        </p>
      ) : null}
      <p className="muted">{t('inbox.why.correctHint')}</p>
    </details>
  );
}
