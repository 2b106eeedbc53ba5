import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isDay, matchPreset, PERIOD_PRESETS, presetPeriod, type PeriodPreset } from '../../lib/period';
import { useFilters } from '../workspace/useFilters';

export function PeriodPicker() {
  const { t } = useTranslation();
  const [filters, setFilters] = useFilters();
  const matched = matchPreset(filters, filters.today);
  const [customOpen, setCustomOpen] = useState(false);
  const preset: PeriodPreset = customOpen ? 'custom' : matched;

  const choose = (p: PeriodPreset) => {
    if (p === 'custom') {
      setCustomOpen(true);
      return;
    }
    setCustomOpen(false);
    setFilters(presetPeriod(p, filters.today));
  };

  return (
    <div className="period-picker">
      <label className="field field--inline">
        <span className="field__label">{t('period.label')}</span>
        <select value={preset} onChange={(e) => choose(e.target.value as PeriodPreset)} data-testid="period-preset">
          {PERIOD_PRESETS.map((p) => (
            <option key={p} value={p}>
              {t(`period.${p}`)}
            </option>
          ))}
        </select>
      </label>
      {preset === 'custom' ? (
        <>
          <label className="field field--inline">
            <span className="field__label">{t('period.from')}</span>
            <input
              type="date"
              value={filters.from}
              max={filters.to}
              onChange={(e) => isDay(e.target.value) && setFilters({ from: e.target.value })}
              data-testid="period-from"
            />
          </label>
          <label className="field field--inline">
            <span className="field__label">{t('period.to')}</span>
            <input
              type="date"
              value={filters.to}
              min={filters.from}
              max={filters.today}
              onChange={(e) => isDay(e.target.value) && setFilters({ to: e.target.value })}
              data-testid="period-to"
            />
          </label>
        </>
      ) : null}
    </div>
  );
}
