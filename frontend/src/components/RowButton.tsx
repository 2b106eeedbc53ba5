import type { ReactNode } from 'react';

interface RowButtonProps {
  /** What the button does ("Remove", "Sync now"). */
  children: ReactNode;
  /** Which row it acts on, read by screen readers only so that ten "Remove" buttons are told apart. */
  target: string;
  onClick: () => void;
  variant?: 'secondary' | 'danger';
  disabled?: boolean;
  testId?: string;
}

/** The small action button of a list or table row. */
export function RowButton({ children, target, onClick, variant = 'secondary', disabled, testId }: RowButtonProps) {
  return (
    <button type="button" className={`btn btn--${variant} btn--small`} onClick={onClick} disabled={disabled} data-testid={testId}>
      {children}
      <span className="visually-hidden"> {target}</span>
    </button>
  );
}
