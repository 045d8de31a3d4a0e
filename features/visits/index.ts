// The visits feature's public surface: the service (proposals, booking, responses, teams and
// assignment), its typed errors, and the examiner teams source the roles resolver reads.
import type { Store } from '../../store/index.js';
import type { ExaminerTeamsSource } from '../roles/types.js';

export {
  createVisitsService,
  type BookOutcome,
  type MoveActor,
  type MoveOutcome,
  type Proposals,
  type ResponseChange,
  type VisitActor,
  type VisitDetails,
  type VisitRef,
  type VisitStatus,
  type VisitsDeps,
  type VisitsService,
} from './service.js';
export { VisitError, isVisitError, type VisitErrorReason } from './errors.js';
export { fetchSchedules, type PersonSchedule } from './schedule.js';

/** Who leads or sits in which examiner team, from the store (the roles resolver's source). */
export function examinerTeamsSource(store: Pick<Store, 'examinerTeams'>): ExaminerTeamsSource {
  return {
    teamsOf: (objectId, upn) => store.examinerTeams.teamsOf({ objectId, address: upn }),
  };
}
