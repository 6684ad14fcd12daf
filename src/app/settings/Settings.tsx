import { Divider, Flex, hubspot, useExtensionContext } from '@hubspot/ui-extensions';
import type { GetSettingsParameters, PortalSettings } from '../../contracts/registry.ts';
import { createFormatters, portalFormat } from '../ui/format.ts';
import type { Ok } from '../ui/function-call.ts';
import { Loading, LoadFailed, useFunctionQuery } from './keystone-ui.ts';
import { MaintenancePanel } from './MaintenancePanel.tsx';
import { SETTINGS_FUNCTION } from './settings-functions.ts';
import { SettingsForm } from './SettingsForm.tsx';

// Keystone's settings page (Connected apps → Keystone → Settings): what admins configure, setup and recalculation.
export function SettingsPage() {
  const context = useExtensionContext<'settings'>();
  const parameters: GetSettingsParameters = { userId: context.user.id };
  const { state, reload } = useFunctionQuery<Ok<PortalSettings>>(SETTINGS_FUNCTION.getSettings, parameters);
  if (state.status === 'error') return <LoadFailed title="Keystone could not load its settings" failure={state.failure} onRetry={reload} />;
  if (state.status !== 'success') return <Loading what="Keystone's settings" />;
  const portal = state.answer;
  // Counts and shares only here, so no currency.
  const format = createFormatters(portalFormat(context, { currency: null }));
  return (
    <Flex direction="column" gap="large">
      <MaintenancePanel portal={portal} userId={context.user.id} format={format} onSetupDone={reload} />
      <Divider />
      <SettingsForm key={portal.revision} portal={portal} userId={context.user.id} format={format} onSaved={reload} />
    </Flex>
  );
}

hubspot.extend<'settings'>(() => <SettingsPage />);
