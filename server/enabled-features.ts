// The features `npm start` runs, in start order (their contract is in server/features.ts). Kept apart
// from the contract so a feature can import the contract without a cycle.
import type { ServerFeature } from './features.js';
import { intakeFeatures } from './jobs/intake.js';
import { remindersFeature } from './jobs/reminders.js';
import { tabFeature } from './jobs/tab.js';
import { createStatusFeature } from './jobs/status.js';
import { createVisitsFeature } from './jobs/visits.js';

export const FEATURES: ServerFeature[] = [
  ...intakeFeatures(),
  remindersFeature(),
  tabFeature(),
  createStatusFeature(),
  createVisitsFeature(),
];
