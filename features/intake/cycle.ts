// Which award cycle a mail belongs to: the rule is pure and lives in core (the intake's plan uses
// it); re-exported here for the intake's other readers (the add-in's mail view).
export { cycleForMail } from '../../core/intake/cycle.js';
