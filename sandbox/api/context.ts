import type { PortalStore } from '../store/store.ts';

// What every API handler gets: the portal's store and the server's clock and id source.

export interface ApiContext {
  store: PortalStore;
  now(): number;
  /** The next record id, as a string (HubSpot ids are numeric strings). */
  nextRecordId(): string;
}
