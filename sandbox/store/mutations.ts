import type { SeedObjectSchema, SeedProperty } from '../seed.ts';
import type { AssociationType, PropertyGroup } from './model.ts';

// Every change to a portal is one of these plain, JSON-serialisable facts. They carry every value
// the server chose (ids, timestamps), so replaying them from the journal rebuilds the same portal.

export type Mutation =
  | { op: 'createRecord'; type: string; id: string; at: number; properties: Record<string, string>; sourceType: string }
  /** An empty string clears a property, as in HubSpot. */
  | { op: 'updateRecord'; type: string; id: string; at: number; properties: Record<string, string>; sourceType: string }
  | { op: 'archiveRecord'; type: string; id: string; at: number }
  | { op: 'associate'; fromType: string; fromId: string; toType: string; toId: string; typeIds: number[] }
  /** Without `typeIds`, every association between the two records goes. */
  | { op: 'dissociate'; fromType: string; fromId: string; toType: string; toId: string; typeIds?: number[] }
  | { op: 'defineSchema'; schema: SeedObjectSchema & { objectTypeId: string }; at: number }
  | { op: 'updateSchema'; objectTypeId: string; changes: SchemaChanges; at: number }
  | { op: 'archiveSchema'; objectTypeId: string }
  | {
      op: 'putProperty';
      type: string;
      property: SeedProperty & { displayOrder?: number; hidden?: boolean; formField?: boolean };
      at: number;
    }
  | { op: 'archiveProperty'; type: string; name: string }
  | { op: 'putGroup'; type: string; group: PropertyGroup }
  | { op: 'archiveGroup'; type: string; name: string }
  /** Both directions of a user-defined association type. */
  | { op: 'defineAssociationTypes'; types: [AssociationType, AssociationType] | [AssociationType] }
  | { op: 'relabelAssociationType'; typeId: number; label: string; inverseLabel?: string }
  | { op: 'removeAssociationTypes'; typeId: number };

export interface SchemaChanges {
  labels?: { singular: string; plural: string };
  primaryDisplayProperty?: string;
  secondaryDisplayProperties?: string[];
  requiredProperties?: string[];
  searchableProperties?: string[];
}
