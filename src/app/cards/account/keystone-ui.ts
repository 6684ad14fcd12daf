import { Alert, Button, ErrorState, hubspot, LoadingSpinner, Text } from '@hubspot/ui-extensions';
import { createKeystoneUi } from '../../ui/keystone-ui.tsx';

// The shared screen pieces, built from this folder's own install of @hubspot/ui-extensions.
export const { useFunctionQuery, useFunctionAction, Loading, LoadFailed, ActionFailed, ReadOnlyNotice } = createKeystoneUi({
  hubspot, Alert, Button, ErrorState, LoadingSpinner, Text,
});
