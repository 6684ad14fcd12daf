import { Divider, Flex, hubspot, useExtensionContext } from '@hubspot/ui-extensions';
import { useState } from 'react';
import { createFormatters, portalFormat } from '../ui/format.ts';
import { Loading, LoadFailed, useFunctionQuery } from './keystone-ui.ts';
import { MaintenancePanel } from './MaintenancePanel.tsx';
import { SettingsForm } from './SettingsForm.tsx';
import { AdminActionsPanel } from './AdminActionsPanel.tsx';

// Keystone's settings page (Connected apps → Keystone → Settings): what admins configure, setup and recalculation.
export function SettingsPage() {
  const context = useExtensionContext<'settings'>();
  const { state, reload } = useFunctionQuery('get_settings', { userId: context.user.id });
  // What the form holds unsaved, for the recalculation above it, which reads only saved settings.
  const [unsavedChanges, setUnsavedChanges] = useState(false);
  if (state.status === 'error')
    return <LoadFailed title="Keystone could not load its settings" failure={state.failure} onRetry={reload} />;
  if (state.status !== 'success') return <Loading what="Keystone's settings" />;
  const portal = state.answer;
  // Counts and shares only here, so no currency.
  const format = createFormatters(portalFormat(context, { currency: null }));
  return (
    <Flex direction="column" gap="large">
      <MaintenancePanel
        portal={portal}
        userId={context.user.id}
        format={format}
        unsavedChanges={unsavedChanges}
        onChanged={reload}
      />
      <AdminActionsPanel portal={portal} format={format} />
      <Divider />
      <SettingsForm
        key={portal.revision}
        portal={portal}
        userId={context.user.id}
        format={format}
        onSaved={reload}
        onUnsavedChanges={setUnsavedChanges}
      />
    </Flex>
  );
}

hubspot.extend<'settings'>(() => <SettingsPage />);
