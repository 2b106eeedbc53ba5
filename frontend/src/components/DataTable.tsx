import type { ReactNode } from 'react';
import { ScrollRegion } from './ScrollRegion';

export interface Column {
  label: string;
  /** Right-aligned figures. */
  numeric?: boolean;
  /** A header read by screen readers only (the actions column). */
  hidden?: boolean;
}

/** A scrollable, labelled table with a header row; `children` are its body rows. */
export function DataTable({ label, testId, columns, children }: { label: string; testId?: string; columns: Column[]; children: ReactNode }) {
  return (
    <ScrollRegion label={label}>
      <table className="table" data-testid={testId}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.label} scope="col" className={c.numeric ? 'num' : undefined}>
                {c.hidden ? <span className="visually-hidden">{c.label}</span> : c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </ScrollRegion>
  );
}
