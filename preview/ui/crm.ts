// The preview's implementation of `@hubspot/ui-extensions/crm`; the rest of that module renders as unknown.
export { useCrmProperties } from './hooks.ts';
