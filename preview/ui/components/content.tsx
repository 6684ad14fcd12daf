import { Children, useId } from 'react';
import type {
  DescriptionListItemProps,
  DescriptionListProps,
  HeadingProps,
  IconProps,
  ImageProps,
  LinkProps,
  ListProps,
  LoadingSpinnerProps,
  ProgressBarProps,
  ScoreProps,
  StatisticsItemProps,
  StatisticsProps,
  StatisticsTrendProps,
  StatusTagProps,
  StepIndicatorProps,
  TagProps,
  TextProps,
} from '@hubspot/ui-extensions';
import { extensionEvent, useReactions } from '../host.tsx';
import { Overlay, useOverlayClick } from './overlays.tsx';
import { classes, hrefOf, sizeName, testIdAttribute } from './shared.ts';

export function Text({ variant = 'bodytext', inline = false, children, format, truncate, testId }: TextProps) {
  const Element = inline ? 'span' : 'p';
  const maxWidth = typeof truncate === 'object' ? truncate.maxWidth : undefined;
  return (
    <Element
      className={classes(
        'hs-text',
        `hs-text--${variant}`,
        format?.fontWeight && `hs-text--${format.fontWeight}`,
        format?.italic && 'hs-text--italic',
        format?.lineDecoration && `hs-text--${format.lineDecoration}`,
        format?.textTransform && `hs-text--${format.textTransform}`,
        truncate && 'hs-text--truncate',
      )}
      style={maxWidth ? { maxWidth } : undefined}
      title={typeof truncate === 'object' ? truncate.tooltipText : undefined}
      {...testIdAttribute(testId)}
    >
      {children}
    </Element>
  );
}

export function Heading({ children, inline = false, testId }: HeadingProps) {
  return (
    <h2 className={classes('hs-heading', inline && 'hs-heading--inline')} {...testIdAttribute(testId)}>
      {children}
    </h2>
  );
}

export function Link({ children, href, variant = 'primary', onClick, overlay, testId }: LinkProps) {
  const target = hrefOf(href);
  const trigger = useOverlayClick(overlay, onClick);
  return (
    <>
      <a
        className={classes('hs-link', `hs-link--${variant}`)}
        href={target?.url || '#'}
        download={target ? fileNameOf(target.url) : undefined}
        target={target?.external ? '_blank' : undefined}
        rel={target?.external ? 'noreferrer' : undefined}
        title={trigger.tooltip}
        onClick={(event) => {
          if (!target?.url || onClick || trigger.overlayId) event.preventDefault();
          trigger.click(event);
        }}
        {...testIdAttribute(testId)}
      >
        {children}
      </a>
      <Overlay overlay={overlay} />
    </>
  );
}

/**
 * The file a data: URL names with a `name` parameter of its media type (RFC 2397 allows parameters), e.g.
 * `data:text/csv;charset=utf-8;name=report.csv,…`: HubSpot's Link has no download option, so the URL
 * carries the name and the browser saves the file under it instead of "download".
 */
function fileNameOf(url: string): string | undefined {
  const mediaType = /^data:([^,]*),/.exec(url)?.[1];
  const name = mediaType?.split(';').find((part) => part.startsWith('name='));
  return name ? decodeURIComponent(name.slice('name='.length)) : undefined;
}

const LIST_ELEMENTS = {
  unordered: 'ul',
  'unordered-styled': 'ul',
  ordered: 'ol',
  'ordered-styled': 'ol',
  inline: 'ul',
  'inline-divided': 'ul',
} as const;

export function List({ children, variant = 'unordered', testId }: ListProps) {
  const Element = LIST_ELEMENTS[variant];
  return (
    <Element className={classes('hs-list', `hs-list--${variant}`)} {...testIdAttribute(testId)}>
      {Children.map(children, (child) =>
        child === null || child === undefined || child === false ? null : <li>{child}</li>,
      )}
    </Element>
  );
}

export function Image({ alt = '', href, src, width, height, onClick, testId }: ImageProps) {
  const reactions = useReactions();
  const image = (
    <img className="hs-image" src={src} alt={alt} width={width} height={height} {...testIdAttribute(testId)} />
  );
  const target = hrefOf(href);
  if (!target && !onClick) return image;
  return (
    <a href={target?.url ?? '#'} onClick={(event) => void onClick?.(extensionEvent(event), reactions)}>
      {image}
    </a>
  );
}

export function Icon({ name, size, color = 'inherit', screenReaderText, testId }: IconProps) {
  return (
    <span
      className={classes('hs-icon', `hs-icon--${sizeName(size, 'sm')}`, `hs-icon--${color}`)}
      role={screenReaderText ? 'img' : undefined}
      aria-label={screenReaderText}
      aria-hidden={screenReaderText ? undefined : true}
      data-icon={name}
      {...testIdAttribute(testId)}
    />
  );
}

export function Tag({ children, variant = 'default', onClick, inline = false, overlay, testId }: TagProps) {
  const trigger = useOverlayClick(overlay, onClick);
  const className = classes('hs-tag', `hs-tag--${variant}`, inline && 'hs-tag--inline');
  const content =
    onClick || trigger.overlayId ? (
      <button
        type="button"
        className={className}
        title={trigger.tooltip}
        onClick={trigger.click}
        {...testIdAttribute(testId)}
      >
        {children}
      </button>
    ) : (
      <span className={className} title={trigger.tooltip} {...testIdAttribute(testId)}>
        {children}
      </span>
    );
  return (
    <>
      {content}
      <Overlay overlay={overlay} />
    </>
  );
}

export function StatusTag({
  variant = 'default',
  hollow = false,
  onClick,
  showRemoveIcon = false,
  onRemoveClick,
  children,
  testId,
}: StatusTagProps) {
  const label = (
    <>
      <span className="hs-status-tag__dot" aria-hidden="true" />
      {children}
    </>
  );
  return (
    <span
      className={classes('hs-status-tag', `hs-status-tag--${variant}`, hollow && 'hs-status-tag--hollow')}
      {...testIdAttribute(testId)}
    >
      {onClick ? (
        <button type="button" className="hs-status-tag__button" onClick={onClick}>
          {label}
        </button>
      ) : (
        label
      )}
      {showRemoveIcon && (
        <button type="button" className="hs-status-tag__remove" aria-label="Remove" onClick={onRemoveClick}>
          ×
        </button>
      )}
    </span>
  );
}

export function DescriptionList({ children, direction = 'column', testId }: DescriptionListProps) {
  return (
    <dl className={classes('hs-description-list', `hs-description-list--${direction}`)} {...testIdAttribute(testId)}>
      {children}
    </dl>
  );
}

export function DescriptionListItem({ children, label, testId }: DescriptionListItemProps) {
  return (
    <div className="hs-description-list__item" {...testIdAttribute(testId)}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function Statistics({ children, testId }: StatisticsProps) {
  return (
    <div className="hs-statistics" {...testIdAttribute(testId)}>
      {children}
    </div>
  );
}

export function StatisticsItem({ id, label, number, children, testId }: StatisticsItemProps) {
  const labelId = useId();
  return (
    <div id={id} className="hs-statistics__item" role="group" aria-labelledby={labelId} {...testIdAttribute(testId)}>
      <div id={labelId} className="hs-statistics__label">
        {label}
      </div>
      <div className="hs-statistics__number">{number}</div>
      {children}
    </div>
  );
}

export function StatisticsTrend({ value, direction, color, testId }: StatisticsTrendProps) {
  const tone = color ?? (direction === 'increase' ? 'green' : 'red');
  return (
    <div className={classes('hs-statistics__trend', `hs-statistics__trend--${tone}`)} {...testIdAttribute(testId)}>
      <span aria-hidden="true">{direction === 'increase' ? '▲' : '▼'}</span>
      <span className="hs-visually-hidden">{direction === 'increase' ? 'Up ' : 'Down '}</span>
      {value}
    </div>
  );
}

export function ScoreCircle({ score, testId }: ScoreProps) {
  const clamped = Math.max(0, Math.min(100, score));
  const tone = clamped >= 70 ? 'success' : clamped >= 40 ? 'warning' : 'danger';
  const circumference = 2 * Math.PI * 26;
  return (
    <div
      className={classes('hs-score-circle', `hs-score-circle--${tone}`)}
      role="meter"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={clamped}
      aria-label="Score"
      {...testIdAttribute(testId)}
    >
      <svg viewBox="0 0 60 60" width="60" height="60" aria-hidden="true">
        <circle cx="30" cy="30" r="26" className="hs-score-circle__track" />
        <circle
          cx="30"
          cy="30"
          r="26"
          className="hs-score-circle__value"
          strokeDasharray={`${(clamped / 100) * circumference} ${circumference}`}
          transform="rotate(-90 30 30)"
        />
      </svg>
      <span className="hs-score-circle__number">{Math.round(score)}</span>
    </div>
  );
}

export function ProgressBar({
  title,
  showPercentage = false,
  value = 0,
  maxValue,
  valueMax,
  valueDescription,
  variant = 'success',
  testId,
  ...rest
}: ProgressBarProps) {
  const max = maxValue ?? valueMax ?? 100;
  const percent = max > 0 ? Math.max(0, Math.min(100, (value / max) * 100)) : 0;
  const titleId = useId();
  return (
    <div className="hs-progress" {...testIdAttribute(testId)}>
      {(title || showPercentage || valueDescription) && (
        <div className="hs-progress__header">
          {title && <span id={titleId}>{title}</span>}
          <span>
            {valueDescription}
            {showPercentage && ` ${Math.round(percent)}%`}
          </span>
        </div>
      )}
      <div
        className={classes('hs-progress__track', `hs-progress__track--${variant}`)}
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={value}
        aria-valuetext={valueDescription}
        aria-label={rest['aria-label']}
        aria-labelledby={title && !rest['aria-label'] ? titleId : undefined}
      >
        <div className="hs-progress__fill" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}

export function LoadingSpinner({ label, showLabel = false, size, layout = 'inline', testId }: LoadingSpinnerProps) {
  return (
    <div
      className={classes('hs-spinner', `hs-spinner--${layout}`, `hs-spinner--${sizeName(size, 'sm')}`)}
      role="status"
      {...testIdAttribute(testId)}
    >
      <span className="hs-spinner__wheel" aria-hidden="true" />
      <span className={showLabel ? 'hs-spinner__label' : 'hs-visually-hidden'}>{label}</span>
    </div>
  );
}

export function StepIndicator({
  stepNames,
  direction = 'horizontal',
  currentStep = 0,
  onClick,
  testId,
}: StepIndicatorProps) {
  return (
    <ol className={classes('hs-steps', `hs-steps--${direction}`)} {...testIdAttribute(testId)}>
      {stepNames.map((name, index) => (
        <li
          key={name}
          className={classes(
            'hs-steps__step',
            index < currentStep && 'hs-steps__step--done',
            index === currentStep && 'hs-steps__step--current',
          )}
          aria-current={index === currentStep ? 'step' : undefined}
        >
          <button type="button" className="hs-steps__button" disabled={!onClick} onClick={() => onClick?.(index)}>
            <span className="hs-steps__circle" aria-hidden="true">
              {index + 1}
            </span>
            {name}
          </button>
        </li>
      ))}
    </ol>
  );
}
