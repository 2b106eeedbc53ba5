import { useTranslation } from 'react-i18next';
import { formatDecimal, type AppLocale } from '../../../lib/format';
import { useLocale } from '../../../lib/hooks/useLocale';
import type { HeatmapCellDto as HeatmapCell } from '@vigie/contracts';
import { heatColor, intensity, toHeatmapGrid } from '../utils/heatmap';

function weekdayNames(locale: AppLocale): string[] {
  const f = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { weekday: 'short', timeZone: 'UTC' });
  // 2024-01-01 was a Monday: ISO weekday 1.
  return Array.from({ length: 7 }, (_, i) => f.format(new Date(Date.UTC(2024, 0, 1 + i))));
}

export function Heatmap({ cells, timezone }: { cells: HeatmapCell[]; timezone: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const grid = toHeatmapGrid(cells);
  const days = weekdayNames(locale);
  if (!grid.best) return <p className="muted">{t('overview.heatmapEmpty')}</p>;
  return (
    <div className="heatmap-wrap">
      <p className="muted heatmap__caption">
        {t('overview.heatmapBest', {
          day: days[grid.best.weekday - 1],
          hour: grid.best.hour,
          value: formatDecimal(grid.best.value, locale, 1),
          timezone,
        })}
      </p>
      <div className="heatmap-scroll" tabIndex={0} role="region" aria-label={t('overview.heatmapTitle')}>
        <table className="heatmap" data-testid="heatmap">
          <caption className="visually-hidden">{t('overview.heatmapTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">{t('overview.weekday')}</span>
              </th>
              {Array.from({ length: 24 }, (_, h) => (
                <th key={h} scope="col" className="heatmap__hour">
                  {h % 3 === 0 ? h : <span className="visually-hidden">{h}</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {grid.rows.map((row, d) => (
              <tr key={d}>
                <th scope="row" className="heatmap__day">
                  {days[d]}
                </th>
                {row.map((v, h) => {
                  const text =
                    v === null
                      ? t('overview.heatmapNoPost')
                      : t('overview.heatmapCell', { value: formatDecimal(v, locale, 1), posts: grid.posts[d][h] });
                  return (
                    <td
                      key={h}
                      className="heatmap__cell"
                      style={{ backgroundColor: heatColor(intensity(v, grid.max)) }}
                      title={`${days[d]} ${h}h — ${text}`}
                    >
                      <span className="visually-hidden">{text}</span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="heatmap__legend" aria-hidden="true">
        <span>{t('overview.heatmapLow')}</span>
        {[0, 0.2, 0.4, 0.6, 0.8, 1].map((l) => (
          <span key={l} className="heatmap__swatch" style={{ backgroundColor: heatColor(l) }} />
        ))}
        <span>{t('overview.heatmapHigh')}</span>
      </div>
    </div>
  );
}
