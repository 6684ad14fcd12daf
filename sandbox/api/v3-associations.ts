import type { AssociationType, ObjectType } from '../store/model.ts';
import { byNumericId } from '../store/model.ts';
import type { Portal } from '../store/portal.ts';

// The associations a v3 record read lists with `associations=…`. HubSpot's changelog on v3
// association data: at most 100 per object type, then `paging.next.after` (the rest come from the
// associations API). Each associated record is listed as `<from>_to_<to>_unlabeled`, and once more
// for each label it carries: the primary association as `<from>_to_<to>`, other labels by their
// internal name.

export const V3_ASSOCIATIONS_PER_TYPE = 100;

interface V3Association {
  id: string;
  type: string;
}
interface V3AssociationList {
  results: V3Association[];
  paging?: { next: { after: string; link: string } };
}

/** The v3 name of one labelled association type (unlabelled ones are `<from>_to_<to>_unlabeled`). */
function labelName(from: ObjectType, to: ObjectType, type: AssociationType): string {
  if (type.category === 'HUBSPOT_DEFINED' && type.label === 'Primary') return `${from.singular}_to_${to.singular}`;
  return type.name ?? type.label!.toLowerCase().replace(/\W+/g, '_');
}

function rowsOf(portal: Portal, from: ObjectType, to: ObjectType, linked: Map<string, Set<number>>): V3Association[] {
  const rows: V3Association[] = [];
  for (const toId of [...linked.keys()].sort(byNumericId)) {
    const typeIds = linked.get(toId)!;
    if (typeIds.size === 0) continue;
    rows.push({ id: toId, type: `${from.singular}_to_${to.singular}_unlabeled` });
    for (const typeId of typeIds) {
      const type = portal.associationTypes.get(typeId);
      if (type?.label) rows.push({ id: toId, type: labelName(from, to, type) });
    }
  }
  return rows;
}

/** The `associations` of a v3 record read, keyed as they were asked for; types without any are left out. */
export function v3Associations(
  portal: Portal,
  from: ObjectType,
  recordId: string,
  targets: string[],
): Record<string, V3AssociationList> {
  const out: Record<string, V3AssociationList> = {};
  for (const target of targets) {
    const to = portal.resolve(target);
    if (!to) continue;
    const rows = rowsOf(portal, from, to, portal.associationsOf(from, recordId, to.objectTypeId) ?? new Map());
    if (rows.length === 0) continue;
    const next = String(V3_ASSOCIATIONS_PER_TYPE);
    out[target] = {
      results: rows.slice(0, V3_ASSOCIATIONS_PER_TYPE),
      ...(rows.length > V3_ASSOCIATIONS_PER_TYPE
        ? {
            paging: {
              next: {
                after: next,
                link: `/crm/v3/objects/${from.objectTypeId}/${recordId}/associations/${to.objectTypeId}?after=${next}`,
              },
            },
          }
        : {}),
    };
  }
  return out;
}
