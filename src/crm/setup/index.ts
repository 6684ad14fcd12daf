export { runSetup, readSetupStatus, setupStatusOf, type SetupReport, type SetupStatus, type SetupStep } from './run-setup.ts';
export { SETUP_VERSION } from './setup-version.ts';
