import type { ReactNode } from 'react';
import { ScrollRegion } from './ScrollRegion';

export interface Column {
  label: string;
  /** Right-aligned figures. */
  numeric?: boolean;
  /** A header read by screen readers only (the actions column). */
  hidden?: boolean;
}

/** A scrollable, labelled table with a header row; `children` are its body rows. Falsy columns are left out. */
export function DataTable({
  label,
  testId,
  columns,
  children,
  flat,
  className,
}: {
  label: string;
  testId?: string;
  columns: Array<Column | false | null | undefined>;
  children: ReactNode;
  /** Flat (default) inside a card; framed for a page-level table. */
  flat?: boolean;
  className?: string;
}) {
  const shown = columns.filter((c): c is Column => Boolean(c));
  return (
    <ScrollRegion label={label} flat={flat} className={className}>
      <table className="table" data-testid={testId}>
        <thead>
          <tr>
            {shown.map((c) => (
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
