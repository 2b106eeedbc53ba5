import type { ReactNode } from 'react';

/**
 * A horizontally scrollable wrapper (wide tables on a phone). It is focusable and labelled so
 * keyboard users can scroll it too (axe: scrollable-region-focusable).
 */
export function ScrollRegion({ label, children, flat = true, className }: { label: string; children: ReactNode; flat?: boolean; className?: string }) {
  return (
    <div className={[flat ? 'table-wrap table-wrap--flat' : 'table-wrap', className].filter(Boolean).join(' ')} tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
