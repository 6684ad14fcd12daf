import type { Settings } from './schema.ts';

// Free of zod (a type import only), so the settings page bundles it beside the functions that save.

/**
 * Whether two settings differ in anything a portfolio recalculation writes from: everything but who may do
 * what, which decides only who may act. Both as the settings schema reads them, so their keys come in one order.
 */
export const differForRecalculation = (a: Settings, b: Settings): boolean =>
  JSON.stringify({ ...a, access: null }) !== JSON.stringify({ ...b, access: null });
