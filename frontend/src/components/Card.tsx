import type { ReactNode } from 'react';

interface Props {
  /** The heading's id, which names the section for screen readers. */
  titleId: string;
  title: ReactNode;
  /** Classes added to `card`. */
  className?: string;
  testId?: string;
  children?: ReactNode;
}

/** A card section named by its own heading. */
export function Card({ titleId, title, className, testId, children }: Props) {
  return (
    <section className={className ? `card ${className}` : 'card'} aria-labelledby={titleId} data-testid={testId}>
      <h2 className="card__title" id={titleId}>
        {title}
      </h2>
      {children}
    </section>
  );
}
