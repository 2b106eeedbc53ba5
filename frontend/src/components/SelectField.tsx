import type { BrandDto } from '@vigie/contracts';
import type { Ref } from 'react';
import type { TFunction } from 'i18next';

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  options: readonly SelectOption[];
  /** First option with an empty value ("any", "all…"), for filters. */
  anyLabel?: string;
  /** Label and control on one line (toolbars and filters). */
  inline?: boolean;
  disabled?: boolean;
  required?: boolean;
  testId?: string;
  selectRef?: Ref<HTMLSelectElement>;
}

/** A labelled <select>: the one shape every filter and form picker of the dashboard uses. */
export function SelectField({ label, value, onChange, options, anyLabel, inline, disabled, required, testId, selectRef }: SelectFieldProps) {
  return (
    <label className={inline ? 'field field--inline' : 'field'}>
      <span className="field__label">{label}</span>
      <select ref={selectRef} value={value} onChange={(e) => onChange(e.target.value)} disabled={disabled} required={required} data-testid={testId}>
        {anyLabel !== undefined ? <option value="">{anyLabel}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Negative, neutral, positive in the UI language. */
export function sentimentOptions(t: TFunction): SelectOption[] {
  return ['negative', 'neutral', 'positive'].map((s) => ({ value: s, label: t(`sentiment.${s}`) }));
}

/** Platforms by their display names. */
export function platformOptions(t: TFunction, platforms: readonly string[]): SelectOption[] {
  return platforms.map((p) => ({ value: p, label: t(`platform.${p}`) }));
}

/** Brands by name; with `competitorLabel`, a competitor's name is followed by it, where own and competitor brands mix. */
export function brandOptions(brands: readonly BrandDto[], competitorLabel?: string): SelectOption[] {
  return brands.map((b) => ({ value: b.id, label: competitorLabel && b.kind === 'competitor' ? `${b.name} (${competitorLabel})` : b.name }));
}
