import { KPI_DEFINITIONS } from '@vigie/kpi';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDecimal, formatSignedPercent, formatValue } from '../../../lib/format';
import { useLocale } from '../../../lib/hooks/useLocale';
import type { TileModel } from '../utils/kpi-tiles';
import { Sparkline } from './Sparkline';

const ARROW = { good: '▲', bad: '▼', neutral: '◆', none: '' } as const;

export function KpiTile({ tile }: { tile: TileModel }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const def = KPI_DEFINITIONS[tile.key];
  const tipId = useId();
  const label = def.label[locale];

  let changeText = '';
  if (tile.change !== null) {
    changeText =
      tile.changeKind === 'points'
        ? t('overview.points', { value: formatDecimal(tile.change * 100, locale, 1), sign: tile.change > 0 ? '+' : '' })
        : formatSignedPercent(tile.change, locale);
  }
  const direction = tile.change === null || tile.change === 0 ? '' : tile.change > 0 ? '▲' : '▼';

  return (
    <article
      className={`kpi-tile kpi-tile--${tile.trend}`}
      data-testid={`kpi-${tile.key}`}
      data-value={tile.value === null ? '' : String(tile.value)}
      aria-label={label}
    >
      <div className="kpi-tile__head">
        <h3 className="kpi-tile__label">{label}</h3>
        <button type="button" className="kpi-tile__info" aria-describedby={tipId}>
          <span aria-hidden="true">?</span>
          <span className="visually-hidden">{t('overview.definitionOf', { label })}</span>
        </button>
        <span role="tooltip" id={tipId} className="kpi-tile__tooltip">
          {def.definition[locale]}
          <span className="kpi-tile__formula">{def.formula}</span>
        </span>
      </div>
      <p className="kpi-tile__value">{formatValue(tile.value, def.format, locale)}</p>
      {tile.missing ? (
        <p className="kpi-tile__note">{t('overview.noData')}</p>
      ) : (
        <p className="kpi-tile__delta">
          {tile.change === null ? (
            <span className="muted">{t('overview.noComparison')}</span>
          ) : (
            <>
              <span className={`delta delta--${tile.trend}`}>
                <span aria-hidden="true">{direction || ARROW.neutral} </span>
                {changeText}
              </span>{' '}
              <span className="muted">
                {t('overview.vsPrevious', { value: formatValue(tile.previous, def.format, locale) })}
              </span>
            </>
          )}
        </p>
      )}
      {tile.partial ? <p className="kpi-tile__note">{t('overview.partial')}</p> : null}
      {tile.sparkline ? <Sparkline values={tile.sparkline} /> : null}
    </article>
  );
}
