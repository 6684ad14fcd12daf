import { isValidElement, useEffect, useId, useRef, type MouseEvent, type ReactNode } from 'react';
import type {
  ExtensionEvent,
  ModalBodyProps,
  ModalFooterProps,
  ModalProps,
  PanelBodyProps,
  PanelFooterProps,
  PanelProps,
  PanelSectionProps,
  ReactionsHandler,
  TooltipProps,
} from '@hubspot/ui-extensions';
import { extensionEvent, useOverlays, useReactions } from '../host.tsx';
import { classes, sizeName, testIdAttribute, textOf } from './shared.ts';

// A Tooltip only shows as another component's `overlay` (as that component's hover title).
export function Tooltip({ children, testId }: TooltipProps) {
  return (
    <span role="tooltip" className="hs-tooltip" {...testIdAttribute(testId)}>
      {children}
    </span>
  );
}

// What a component's `overlay` prop does when the component is clicked: show a tooltip's text on
// hover, or open the modal or panel with that id.
function useOverlayTrigger(overlay: ReactNode) {
  const overlays = useOverlays();
  if (!isValidElement<{ id?: string; children?: ReactNode }>(overlay)) return { open: () => undefined };
  if (overlay.type === Tooltip) return { tooltip: textOf(overlay.props.children), open: () => undefined };
  const overlayId = overlay.props.id;
  return { overlayId, open: () => overlayId && overlays.open(overlayId) };
}

// One click for every component that takes both `overlay` and `onClick` (buttons, dropdown items,
// tags, links), so that they all open the overlay first and hand the card the same event and reactions.
export function useOverlayClick(overlay: ReactNode, onClick: ReactionsHandler<ExtensionEvent> | undefined) {
  const reactions = useReactions();
  const trigger = useOverlayTrigger(overlay);
  const click = (event: MouseEvent) => {
    trigger.open();
    void onClick?.(extensionEvent(event), reactions);
  };
  return { tooltip: trigger.tooltip, overlayId: trigger.overlayId, click };
}

// Modals and panels stay mounted where they are declared and show themselves while open.
export function Overlay({ overlay }: { overlay: ReactNode }) {
  if (!isValidElement(overlay) || overlay.type === Tooltip) return null;
  return overlay;
}

type DialogProps = {
  id: string;
  title?: string;
  width?: string;
  variant: string;
  kind: 'modal' | 'panel';
  label?: string;
  onOpen?: () => void;
  onClose?: () => void;
  children?: ReactNode;
  testId?: string;
};

function Dialog({ id, title, width, variant, kind, label, onOpen, onClose, children, testId }: DialogProps) {
  const overlays = useOverlays();
  const isOpen = overlays.isOpen(id);
  const titleId = useId();
  const dialog = useRef<HTMLDivElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (isOpen && !wasOpen.current) {
      onOpen?.();
      dialog.current?.focus();
    }
    if (!isOpen && wasOpen.current) onClose?.();
    wasOpen.current = isOpen;
  }, [isOpen, onOpen, onClose]);
  if (!isOpen) return null;
  return (
    <div
      className={`hs-${kind}-backdrop`}
      onClick={(event) => event.target === event.currentTarget && overlays.close(id)}
    >
      <div
        ref={dialog}
        tabIndex={-1}
        role="dialog"
        aria-modal="true"
        aria-labelledby={title && !label ? titleId : undefined}
        aria-label={label}
        className={classes(`hs-${kind}`, `hs-${kind}--${sizeName(width as never, 'md')}`, `hs-${kind}--${variant}`)}
        onKeyDown={(event) => event.key === 'Escape' && overlays.close(id)}
        {...testIdAttribute(testId)}
      >
        <header className={`hs-${kind}__header`}>
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="hs-dialog-close" aria-label="Close" onClick={() => overlays.close(id)}>
            ×
          </button>
        </header>
        {children}
      </div>
    </div>
  );
}

export function Modal({
  id,
  title,
  width,
  variant = 'default',
  onOpen,
  onClose,
  children,
  testId,
  ...rest
}: ModalProps) {
  return (
    <Dialog
      kind="modal"
      id={id}
      title={title}
      width={width}
      variant={variant}
      label={rest['aria-label']}
      onOpen={onOpen}
      onClose={onClose}
      testId={testId}
    >
      {children}
    </Dialog>
  );
}

export const ModalBody = ({ children, testId }: ModalBodyProps) => (
  <div className="hs-modal__body" {...testIdAttribute(testId)}>
    {children}
  </div>
);

export const ModalFooter = ({ children, testId }: ModalFooterProps) => (
  <footer className="hs-modal__footer" {...testIdAttribute(testId)}>
    {children}
  </footer>
);

export function Panel({
  id,
  title,
  width,
  variant = 'default',
  onOpen,
  onClose,
  children,
  testId,
  ...rest
}: PanelProps) {
  return (
    <Dialog
      kind="panel"
      id={id}
      title={title}
      width={width}
      variant={variant}
      label={rest['aria-label']}
      onOpen={onOpen}
      onClose={onClose}
      testId={testId}
    >
      {children}
    </Dialog>
  );
}

export const PanelBody = ({ children, testId }: PanelBodyProps) => (
  <div className="hs-panel__body" {...testIdAttribute(testId)}>
    {children}
  </div>
);

export const PanelSection = ({ children, flush = false, testId }: PanelSectionProps) => (
  <section className={classes('hs-panel__section', flush && 'hs-panel__section--flush')} {...testIdAttribute(testId)}>
    {children}
  </section>
);

export const PanelFooter = ({ children, testId }: PanelFooterProps) => (
  <footer className="hs-panel__footer" {...testIdAttribute(testId)}>
    {children}
  </footer>
);
