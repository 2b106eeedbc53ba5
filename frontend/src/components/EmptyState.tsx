import type { ReactNode } from 'react';

interface Props {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
  testId?: string;
}

/** Says what will appear here and what to do next — never placeholder figures. */
export function EmptyState({ title, children, action, testId }: Props) {
  return (
    <section className="empty-state" data-testid={testId ?? 'empty-state'}>
      <h2 className="empty-state__title">{title}</h2>
      {children ? <div className="empty-state__body">{children}</div> : null}
      {action ? <div className="empty-state__action">{action}</div> : null}
    </section>
  );
}
