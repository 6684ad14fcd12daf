import { useId, useState } from 'react';
import type {
  AccordionProps,
  AutoGridProps,
  BoxProps,
  CardProps,
  DividerProps,
  FlexProps,
  InlineProps,
  SpacerProps,
  StackProps,
  TileProps,
} from '@hubspot/ui-extensions';
import { classes, distance, sizeName, testIdAttribute } from './shared.ts';

const FLEX_POSITIONS: Record<string, string> = {
  start: 'flex-start',
  end: 'flex-end',
  center: 'center',
  between: 'space-between',
  around: 'space-around',
  baseline: 'baseline',
  stretch: 'stretch',
};
const position = (value: string | undefined) => (value === undefined ? undefined : FLEX_POSITIONS[value]);

export function Flex({ gap, children, direction = 'row', justify, align, alignSelf, wrap, testId }: FlexProps) {
  const flexWrap = wrap === true || wrap === 'wrap' ? 'wrap' : 'nowrap';
  return (
    <div
      className="hs-flex"
      style={{
        flexDirection: direction,
        gap: distance(gap),
        justifyContent: position(justify),
        alignItems: position(align),
        alignSelf: position(alignSelf),
        flexWrap,
      }}
      {...testIdAttribute(testId)}
    >
      {children}
    </div>
  );
}

export function Inline({ gap = 'small', children, justify, align = 'center', testId }: InlineProps) {
  return (
    <Flex gap={gap} justify={justify} align={align} wrap testId={testId}>
      {children}
    </Flex>
  );
}

export function Stack({
  distance: gap = 'small',
  children,
  direction = 'column',
  justify,
  align,
  width,
  testId,
}: StackProps) {
  return (
    <div
      className="hs-flex"
      style={{
        flexDirection: direction,
        gap: distance(gap),
        justifyContent: position(justify),
        alignItems: position(align),
        width,
      }}
      {...testIdAttribute(testId)}
    >
      {children}
    </div>
  );
}

export function Box({ children, alignSelf, flex, testId }: BoxProps) {
  return (
    <div
      className="hs-box"
      style={{ alignSelf: alignSelf === 'auto' ? 'auto' : position(alignSelf), flex }}
      {...testIdAttribute(testId)}
    >
      {children}
    </div>
  );
}

export function AutoGrid({ columnWidth, gap = 'small', children, flexible = false, testId }: AutoGridProps) {
  const column = flexible ? `minmax(${columnWidth}px, 1fr)` : `${columnWidth}px`;
  return (
    <div
      className="hs-auto-grid"
      style={{ gridTemplateColumns: `repeat(auto-fill, ${column})`, gap: distance(gap) }}
      {...testIdAttribute(testId)}
    >
      {children}
    </div>
  );
}

export function Spacer({ size = 'small', testId }: SpacerProps) {
  return (
    <div className="hs-spacer" aria-hidden="true" style={{ height: distance(size) }} {...testIdAttribute(testId)} />
  );
}

export function Divider({ distance: around = 'small', testId }: DividerProps) {
  return <hr className="hs-divider" style={{ marginBlock: distance(around) }} {...testIdAttribute(testId)} />;
}

export function Tile({ children, compact = false, flush = false, testId }: TileProps) {
  return (
    <section
      className={classes('hs-tile', compact && 'hs-tile--compact', flush && 'hs-tile--flush')}
      {...testIdAttribute(testId)}
    >
      {children}
    </section>
  );
}

export function Card({ children, testId }: CardProps) {
  return (
    <section className="hs-tile" {...testIdAttribute(testId)}>
      {children}
    </section>
  );
}

export function Accordion({
  title,
  children,
  defaultOpen = false,
  disabled = false,
  open,
  size,
  onClick,
  testId,
}: AccordionProps) {
  const [ownOpen, setOwnOpen] = useState(defaultOpen);
  const isOpen = open ?? ownOpen;
  const bodyId = useId();
  return (
    <div className={classes('hs-accordion', `hs-accordion--${sizeName(size, 'sm')}`)} {...testIdAttribute(testId)}>
      <button
        type="button"
        className="hs-accordion__toggle"
        aria-expanded={isOpen}
        aria-controls={bodyId}
        disabled={disabled}
        onClick={() => {
          setOwnOpen(!isOpen);
          onClick?.();
        }}
      >
        <span className="hs-accordion__caret" aria-hidden="true">
          {isOpen ? '▾' : '▸'}
        </span>
        {title}
      </button>
      <div id={bodyId} className="hs-accordion__body" hidden={!isOpen}>
        {children}
      </div>
    </div>
  );
}
