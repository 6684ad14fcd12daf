import { Flex, Heading, Text } from '@hubspot/ui-extensions';
import type { PortalSettings } from '../../contracts/get-settings.ts';
import type { Formatters } from '../ui/format.ts';
import { userName } from './directory-names.ts';

// The latest admin actions (settings saves, setup runs, recalculations started and finished), each with the
// user id the call claimed: HubSpot passes app functions no verified identity, so a forged id shows up here.
export function AdminActionsPanel({ portal, format }: { portal: PortalSettings; format: Formatters }) {
  if (!portal.accessShown) return null;
  const names = (ids: readonly string[]) => ids.map((id) => userName(portal.directory, id)).join(', ');
  return (
    <Flex direction="column" gap="small">
      <Heading>Latest admin actions</Heading>
      {portal.adminActions.length === 0 ? (
        <Text>None recorded yet.</Text>
      ) : (
        portal.adminActions.map((action) => (
          <Text key={`${action.at}-${action.userId}-${action.kind}`}>
            {format.dateTime(action.at)}: {action.summary}, as {action.name || 'an unknown user'} (HubSpot user{' '}
            {action.userId}){action.adminsAdded.length > 0 ? `; admins added: ${names(action.adminsAdded)}` : ''}
            {action.adminsRemoved.length > 0 ? `; admins removed: ${names(action.adminsRemoved)}` : ''}
          </Text>
        ))
      )}
    </Flex>
  );
}
