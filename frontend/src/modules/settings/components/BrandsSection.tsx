import type { BrandDto } from '@vigie/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/Card';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { TextField } from '../../../components/TextField';
import { useAction } from '../../../lib/hooks/useAction';
import { createBrand, deleteBrand } from '../api';
import { RemovableRow } from './RemovableRow';

interface Props {
  workspaceId: string;
  brands: BrandDto[];
  canAct: boolean;
  isAdmin: boolean;
  onChanged(): void;
}

export function BrandsSection({ workspaceId, brands, canAct, isAdmin, onChanged }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<'own' | 'competitor'>('own');
  const { run, error } = useAction();

  const add = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    void run(async () => {
      await createBrand(workspaceId, { name: name.trim(), kind });
      setName('');
      onChanged();
    });
  };

  const remove = (b: BrandDto) => {
    if (!window.confirm(t('settings.brands.confirmRemove', { name: b.name }))) return;
    void run(async () => {
      await deleteBrand(workspaceId, b.id);
      onChanged();
    });
  };

  return (
    <Card titleId="brands-title" title={t('settings.brands.title')} className="settings-section">
      <p className="muted">{t('settings.brands.intro')}</p>
      {brands.length === 0 ? <p>{t('settings.brands.none')}</p> : null}
      <ul className="plain-list">
        {brands.map((b) => (
          <RemovableRow key={b.id} label={b.name} canRemove={isAdmin} onRemove={() => remove(b)}>
            {b.name} <span className="badge badge--neutral">{t(`settings.brands.kind.${b.kind}`)}</span>
          </RemovableRow>
        ))}
      </ul>
      {error ? <ErrorMessage error={error} /> : null}
      {canAct ? (
        <form className="toolbar" onSubmit={add} data-testid="brand-form">
          <TextField label={t('settings.brands.name')} inline value={name} onChange={(e) => setName(e.target.value)} maxLength={120} data-testid="brand-name" />
          <label className="field field--inline">
            <span className="field__label">{t('settings.brands.kindLabel')}</span>
            <select value={kind} onChange={(e) => setKind(e.target.value as 'own' | 'competitor')}>
              <option value="own">{t('settings.brands.kind.own')}</option>
              <option value="competitor">{t('settings.brands.kind.competitor')}</option>
            </select>
          </label>
          <button type="submit" className="btn btn--primary" disabled={!name.trim()}>
            {t('settings.brands.add')}
          </button>
        </form>
      ) : null}
    </Card>
  );
}
