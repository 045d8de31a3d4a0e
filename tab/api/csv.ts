// The participant list as CSV for Excel (semicolon-separated, UTF-8 with a BOM, as Swedish Excel
// opens it). Cells that a spreadsheet would run as a formula are prefixed with an apostrophe.
import { classById } from '../../core/classes.js';
import type { Locale, Unit } from '../../core/model.js';
import type { UnitRow } from '../../features/status/types.js';
import { PARTICIPATION_STATE_LABELS } from '../../core/participation.js';

const HEADERS = {
  sv: [
    'Enhet',
    'Klass',
    'Nämnd/förvaltning',
    'Läge',
    'Chef',
    'Chefens e-post',
    'Tecken',
    'Sent inlämnat',
  ],
  en: ['Unit', 'Class', 'Board', 'State', 'Manager', 'Manager e-mail', 'Characters', 'Late'],
};

export function csvCell(value: string | number | undefined): string {
  let text = value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[;"\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function participantsCsv(
  rows: readonly UnitRow[],
  units: ReadonlyArray<Unit | undefined>,
  locale: Locale,
): string {
  const lines = [HEADERS[locale].map(csvCell).join(';')];
  rows.forEach((row, i) => {
    const unit = units[i];
    lines.push(
      [
        row.name,
        classById(row.classId)[locale],
        row.organisationName ?? '',
        PARTICIPATION_STATE_LABELS[row.state][locale],
        unit?.managerName ?? '',
        unit?.managerEmail ?? '',
        row.submission?.characters,
        row.submission
          ? row.submission.late
            ? locale === 'sv'
              ? 'ja'
              : 'yes'
            : locale === 'sv'
              ? 'nej'
              : 'no'
          : '',
      ]
        .map(csvCell)
        .join(';'),
    );
  });
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
