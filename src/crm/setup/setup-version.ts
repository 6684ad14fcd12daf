// Bump whenever the model (src/crm/model) changes what setup creates, so portals show "setup out of date".
export const SETUP_VERSION = 10;
