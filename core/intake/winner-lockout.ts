// The instructions' lockout, for the intake: "Enheter som har vunnit kan inte delta de närmaste två
// åren efter att de har erhållit Kvalitetsutmärkelsen. Enheter som har erhållit hedersomnämning kan
// delta året därpå." A pre-registration from a unit that won within the cycle's lockout
// (`rules.winnerLockoutYears`, 2: the winner of 2026 may take part again from 2029) is not receipted
// alone: a coordinator tells the unit (or knows better, and registers it). The unit's earlier results
// are its participations in the store with a jury result; a unit with no such participation (an
// award won before the app kept the unit's history) is not held back, so an administrator imports
// the earlier years' winners (a participation of that year, state jury-decided, juryResult winner).
import type { Bilingual, Cycle, JuryResult } from '../model.js';

/** The year of the unit's latest win that still locks it out of `cycle`; undefined when none does. */
export function lockedOutByWin(
  cycle: Pick<Cycle, 'year' | 'rules'>,
  participations: readonly { year: number; juryResult?: JuryResult | undefined }[],
): number | undefined {
  const lockout = cycle.rules.winnerLockoutYears;
  const wins = participations
    .filter((p) => p.juryResult === 'winner' && p.year < cycle.year)
    .map((p) => p.year)
    .filter((year) => cycle.year - year <= lockout);
  return wins.length > 0 ? Math.max(...wins) : undefined;
}

/** "Enheten fick Kvalitetsutmärkelsen 2026 och kan delta tidigast 2029" and its English. */
export function winnerLockoutReason(cycle: Pick<Cycle, 'rules'>, winYear: number): Bilingual {
  const from = winYear + cycle.rules.winnerLockoutYears + 1;
  return {
    sv: `Enheten fick Kvalitetsutmärkelsen ${winYear} och kan delta tidigast ${from}`,
    en: `The unit won the quality award in ${winYear} and may take part again from ${from}`,
  };
}
