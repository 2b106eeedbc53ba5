import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isDay, matchPreset, PERIOD_PRESETS, presetPeriod, type PeriodPreset } from '../../lib/period';
import { useFilters } from '../workspace/useFilters';
import { TextField } from '../../components/TextField';

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
          <TextField
            label={t('period.from')}
            inline
            type="date"
            value={filters.from}
            max={filters.to}
            onChange={(e) => isDay(e.target.value) && setFilters({ from: e.target.value })}
            data-testid="period-from"
          />
          <TextField
            label={t('period.to')}
            inline
            type="date"
            value={filters.to}
            min={filters.from}
            max={filters.today}
            onChange={(e) => isDay(e.target.value) && setFilters({ to: e.target.value })}
            data-testid="period-to"
          />
        </>
      ) : null}
    </div>
  );
}
