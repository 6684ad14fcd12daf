import { isValidElement, type ReactNode } from 'react';
import type { AllDistances, AllSizes, HrefProp } from '@hubspot/ui-extensions';
import { previewHrefOf } from '../host.tsx';

// HubSpot's size names come in short and long spellings; the stylesheet knows the short ones.
const SHORT_SIZES: Record<string, string> = {
  'extra-small': 'xs',
  small: 'sm',
  medium: 'md',
  large: 'lg',
  'extra-large': 'xl',
};

export const sizeName = (size: AllSizes | AllDistances | 'default' | undefined, fallback: string): string =>
  size === undefined || size === 'default' ? fallback : (SHORT_SIZES[size] ?? size);

// The CSS length for one of HubSpot's distance names.
export const distance = (size: AllDistances | undefined, fallback: AllDistances = 'flush'): string => {
  const name = sizeName(size ?? fallback, 'flush');
  return name === 'flush' ? '0' : `var(--hs-space-${name})`;
};

export const classes = (...names: Array<string | false | null | undefined>): string => names.filter(Boolean).join(' ');

// `testId` is how HubSpot's own test renderer finds a component; the preview keeps it for the browser tests.
export const testIdAttribute = (testId: string | undefined) => (testId ? { 'data-testid': testId } : {});

export const hrefOf = (href: HrefProp | undefined): { url: string; external: boolean } | null => {
  if (href === undefined) return null;
  const target =
    typeof href === 'string'
      ? { url: href, external: /^https?:/.test(href) }
      : { url: href.url, external: href.external ?? false };
  // A HubSpot record page the preview shows itself opens in place, as HubSpot opens its own pages.
  const inPreview = previewHrefOf(target.url);
  return inPreview === null ? target : { url: inPreview, external: false };
};

// Plain text of a node tree, for titles and accessible names.
export function textOf(node: ReactNode): string {
  if (node === null || node === undefined || typeof node === 'boolean') return '';
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(textOf).join('');
  if (isValidElement<{ children?: ReactNode }>(node)) return textOf(node.props.children);
  return '';
}
