// What a view says when it has nothing to show: what happened and what to do next.
import type { ReactNode } from 'react';

export interface EmptyStateProps {
  title: string;
  children?: ReactNode;
  testId?: string;
}

export function EmptyState({ title, children, testId }: EmptyStateProps) {
  return (
    <div className="empty" data-testid={testId ?? 'empty-state'}>
      <svg className="empty-mark" viewBox="0 0 48 48" aria-hidden="true">
        <rect x="6" y="10" width="36" height="28" rx="4" />
        <path d="M6 18h36M14 26h14M14 31h9" />
      </svg>
      <h2 className="empty-title">{title}</h2>
      {children && <div className="empty-body">{children}</div>}
    </div>
  );
}
