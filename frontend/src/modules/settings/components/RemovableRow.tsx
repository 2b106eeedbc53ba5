import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { RowButton } from '../../../components/RowButton';

interface Props {
  /** Names the row for screen readers on its remove button. */
  label: string;
  canRemove: boolean;
  onRemove(): void;
  children: ReactNode;
}

/** A row of a settings list (brands, services): what it is, and for admins the button that removes it. */
export function RemovableRow({ label, canRemove, onRemove, children }: Props) {
  const { t } = useTranslation();
  return (
    <li className="plain-list__row">
      <span>{children}</span>
      {canRemove ? (
        <RowButton variant="danger" target={label} onClick={onRemove}>
          {t('veille.delete')}
        </RowButton>
      ) : null}
    </li>
  );
}
