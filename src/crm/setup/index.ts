export { runSetup, readSetupStatus, setupStatusOf, type SetupStatus } from './run-setup.ts';
export { SETUP_VERSION } from './setup-version.ts';
