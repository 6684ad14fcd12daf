import type { AlertProps, EmptyStateProps, ErrorStateProps } from '@hubspot/ui-extensions';
import { classes, testIdAttribute } from './shared.ts';

export function Alert({ title, children, variant = 'info', testId }: AlertProps) {
  // Errors and warnings interrupt a screen-reader user; the rest wait their turn.
  const urgent = variant === 'error' || variant === 'danger' || variant === 'warning';
  return (
    <div
      className={classes('hs-alert', `hs-alert--${variant === 'error' ? 'danger' : variant}`)}
      role={urgent ? 'alert' : 'status'}
      {...testIdAttribute(testId)}
    >
      <strong className="hs-alert__title">{title}</strong>
      {children !== undefined && <div className="hs-alert__body">{children}</div>}
    </div>
  );
}

export function EmptyState({
  flush = false,
  children,
  title = 'All is not lost.',
  layout = 'horizontal',
  reverseOrder = false,
  imageWidth = 120,
  imageName = 'object',
  testId,
}: EmptyStateProps) {
  return (
    <div
      className={classes(
        'hs-empty-state',
        `hs-empty-state--${layout}`,
        reverseOrder && 'hs-empty-state--reversed',
        flush && 'hs-empty-state--flush',
      )}
      {...testIdAttribute(testId)}
    >
      <div
        className="hs-empty-state__image"
        style={{ width: imageWidth, height: imageWidth * 0.75 }}
        data-image={imageName}
        aria-hidden="true"
      />
      <div className="hs-empty-state__content">
        <h3 className="hs-empty-state__title">{title}</h3>
        {children}
      </div>
    </div>
  );
}

const ERROR_TITLES = {
  error: 'Something went wrong.',
  support: 'Something went wrong.',
  lock: "You don't have access to this.",
} as const;

/** Drawn, not an emoji: machines without an emoji font would show an empty box. */
const Padlock = () => (
  <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
    <path d="M5 7V5a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" strokeWidth="1.6" />
    <rect x="3" y="7" width="10" height="7" rx="1.5" fill="currentColor" />
  </svg>
);

export function ErrorState({ children, title, type = 'error', testId }: ErrorStateProps) {
  return (
    <div className={classes('hs-error-state', `hs-error-state--${type}`)} role="alert" {...testIdAttribute(testId)}>
      <div className="hs-error-state__image" aria-hidden="true">
        {type === 'lock' ? <Padlock /> : '!'}
      </div>
      <h3 className="hs-error-state__title">{title ?? ERROR_TITLES[type]}</h3>
      <div className="hs-error-state__body">{children}</div>
    </div>
  );
}
