import { Alert, Button, ErrorState, hubspot, LoadingSpinner, Text } from '@hubspot/ui-extensions';
import { createKeystoneUi, type KeystoneUi } from '../ui/keystone-ui.tsx';

// The shared screen pieces, built from this folder's own install of @hubspot/ui-extensions
// (HubSpot builds the settings page apart from the cards, so it cannot borrow theirs); every call
// typed by the function registry.
const ui: KeystoneUi = createKeystoneUi({ hubspot, Alert, Button, ErrorState, LoadingSpinner, Text });
export const { callFunction, useFunctionQuery, useFunctionAction, Loading, LoadFailed, ActionFailed, ReadOnlyNotice } =
  ui;
