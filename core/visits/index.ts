// Visits' pure domain: booking rules, Swedish holidays, slot finding, assignment proposals.
export * from './rules.js';
export * from './holidays.js';
export * from './slots.js';
export * from './assign.js';
