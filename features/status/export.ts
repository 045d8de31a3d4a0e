// The participant list of a year as CSV for Excel (semicolon-separated, as Swedish Excel opens it,
// with a BOM so å/ä/ö survive), headed in the reader's language: every unit taking part, its class, board, manager and where it stands.
import { classById } from '../../core/classes.js';
import type { Locale } from '../../core/model.js';
import { PARTICIPATION_STATE_LABELS, milestones } from '../../core/participation.js';
import { takesPart, type YearData } from './summary.js';

const HEADER: Record<Locale, string[]> = {
  sv: [
    'Enhet',
    'Tävlingsklass',
    'Nämnd/förvaltning',
    'Chef',
    'E-post chef',
    'Läge',
    'Bidrag inskickat',
    'Tecken',
    'Sent',
    'Med i protokoll',
  ],
  en: [
    'Unit',
    'Class',
    'Board',
    'Manager',
    'Manager e-mail',
    'State',
    'Application sent',
    'Characters',
    'Late',
    'In the minutes',
  ],
};

const YES: Record<Locale, string> = { sv: 'ja', en: 'yes' };
const NO: Record<Locale, string> = { sv: 'nej', en: 'no' };

function cell(value: string | number): string {
  const text = String(value);
  // Formula injection: a cell starting with = + - @ would run in Excel.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[";\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function participantsCsv(data: YearData, locale: Locale = 'sv'): string {
  const unitById = new Map(data.units.map((u) => [u.id, u]));
  const orgName = new Map(data.organisations.map((o) => [o.id, o.name]));
  const submissionOf = new Map(data.submissions.map((s) => [s.unitId, s]));
  const rows = data.participations
    .filter(takesPart)
    .map((p) => ({ p, unit: unitById.get(p.unitId) }))
    .filter((r) => r.unit !== undefined)
    .sort((a, b) => a.unit!.name.localeCompare(b.unit!.name, 'sv'))
    .map(({ p, unit }) => {
      const s = submissionOf.get(unit!.id);
      const m = milestones(p);
      return [
        unit!.name,
        classById(unit!.classId)[locale],
        orgName.get(unit!.organisationId) ?? unit!.organisationId,
        unit!.managerName,
        unit!.managerEmail,
        PARTICIPATION_STATE_LABELS[p.state][locale],
        m.submitted ? YES[locale] : NO[locale],
        s ? s.characterCount : '',
        s?.late ? YES[locale] : '',
        m.inProtocol ? YES[locale] : NO[locale],
      ]
        .map(cell)
        .join(';');
    });
  return `\uFEFF${[HEADER[locale].map(cell).join(';'), ...rows].join('\r\n')}\r\n`;
}
