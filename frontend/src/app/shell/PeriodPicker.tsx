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
          <PeriodEndField end="from" max={filters.to} />
          <PeriodEndField end="to" min={filters.from} max={filters.today} />
        </>
      ) : null}
    </div>
  );
}

/** One end of the custom period: a date input that applies only a complete, valid day. */
function PeriodEndField({ end, min, max }: { end: 'from' | 'to'; min?: string; max: string }) {
  const { t } = useTranslation();
  const [filters, setFilters] = useFilters();
  return (
    <TextField
      label={t(`period.${end}`)}
      inline
      type="date"
      value={filters[end]}
      min={min}
      max={max}
      onChange={(e) => isDay(e.target.value) && setFilters({ [end]: e.target.value })}
      data-testid={`period-${end}`}
    />
  );
}
