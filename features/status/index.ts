// features/status: where the award stands, from storage, the same for the bot and the tab.
export { createStatusService, type StatusService, type StatusServiceOptions } from './service.js';
export {
  performAct,
  ILS_WEBBEN_REF,
  MAX_NOTE_LENGTH,
  type Act,
  type ActInput,
  type ActResult,
} from './acts.js';
export { findUnits, nameScore, type NamedUnit, type UnitMatch } from './find.js';
export {
  cyclesInPlay,
  deadlinesAcrossCycles,
  MAX_PAGE_SIZE,
  problemKinds,
  unitPage,
  unitRows,
  workingYear,
  yearCounts,
  type YearData,
} from './summary.js';
export { participantsCsv } from './export.js';
export * from './types.js';
