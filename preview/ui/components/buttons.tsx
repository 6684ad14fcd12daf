import { Children, useEffect, useRef, useState, type ReactNode } from 'react';
import type {
  ButtonProps,
  ButtonRowProps,
  DropdownButtonItemProps,
  DropdownProps,
  LoadingButtonProps,
} from '@hubspot/ui-extensions';
import { Overlay, useOverlayClick } from './overlays.tsx';
import { classes, hrefOf, sizeName, testIdAttribute } from './shared.ts';

export function Button({
  onClick,
  href,
  disabled = false,
  variant = 'secondary',
  type = 'button',
  children,
  size,
  truncate = false,
  overlay,
  testId,
}: ButtonProps) {
  const trigger = useOverlayClick(overlay, onClick);
  const target = hrefOf(href);
  const className = classes(
    'hs-button',
    `hs-button--${variant}`,
    `hs-button--${sizeName(size, 'md')}`,
    truncate && 'hs-button--truncate',
  );
  if (target && !disabled) {
    return (
      <a
        className={className}
        href={target.url}
        target={target.external ? '_blank' : undefined}
        rel={target.external ? 'noreferrer' : undefined}
        {...testIdAttribute(testId)}
      >
        {children}
      </a>
    );
  }
  return (
    <>
      <button
        type={type}
        className={className}
        disabled={disabled}
        title={trigger.tooltip}
        onClick={trigger.click}
        {...testIdAttribute(testId)}
      >
        {children}
      </button>
      <Overlay overlay={overlay} />
    </>
  );
}

export function LoadingButton({
  loading = false,
  children,
  disabled,
  variant = 'primary',
  ...rest
}: LoadingButtonProps) {
  return (
    <Button {...rest} variant={variant} disabled={disabled || loading}>
      {loading && <span className="hs-button__spinner" aria-hidden="true" />}
      {children}
      {loading && <span className="hs-visually-hidden"> (loading)</span>}
    </Button>
  );
}

export function ButtonRow({ children, testId }: ButtonRowProps) {
  return (
    <div className="hs-button-row" role="group" {...testIdAttribute(testId)}>
      {children}
    </div>
  );
}

function DropdownButtonItem({ children, onClick, overlay, testId }: DropdownButtonItemProps) {
  const trigger = useOverlayClick(overlay, onClick);
  return (
    <>
      <button
        type="button"
        role="menuitem"
        className="hs-dropdown__item"
        onClick={trigger.click}
        {...testIdAttribute(testId)}
      >
        {children}
      </button>
      <Overlay overlay={overlay} />
    </>
  );
}

function DropdownMenu({
  options = [],
  variant = 'primary',
  buttonText = 'More',
  buttonSize,
  disabled = false,
  children,
  testId,
}: DropdownProps) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const closeOnOutsideClick = (event: MouseEvent) => !root.current?.contains(event.target as Node) && setOpen(false);
    document.addEventListener('mousedown', closeOnOutsideClick);
    return () => document.removeEventListener('mousedown', closeOnOutsideClick);
  }, [open]);
  const items: ReactNode[] = [
    ...options.map((option) => (
      <button
        key={option.label}
        type="button"
        role="menuitem"
        className="hs-dropdown__item"
        onClick={() => option.onClick?.()}
      >
        {option.label}
      </button>
    )),
    ...Children.toArray(children),
  ];
  return (
    <div className="hs-dropdown" ref={root} {...testIdAttribute(testId)}>
      <button
        type="button"
        className={classes('hs-button', `hs-button--${variant}`, `hs-button--${sizeName(buttonSize, 'md')}`)}
        aria-haspopup="menu"
        aria-expanded={open}
        disabled={disabled}
        onClick={() => setOpen(!open)}
      >
        {buttonText} <span aria-hidden="true">▾</span>
      </button>
      <div className="hs-dropdown__menu" role="menu" hidden={!open} onClick={() => setOpen(false)}>
        {items}
      </div>
    </div>
  );
}

export const Dropdown = Object.assign(DropdownMenu, { ButtonItem: DropdownButtonItem });
