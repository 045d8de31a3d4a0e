// A plain table of rows the tab shows (reminders, visits, teams, the assignment, the pipeline): a
// header of column names, a row per item, each cell what `cells` makes of it. The one place the
// views write Fluent UI's table markup; the sortable unit table keeps its own.
import type { ReactNode } from 'react';
import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';

export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
  className?: string;
}

export function DataTable<T>(props: {
  label: string;
  columns: Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  testId?: string;
  rowTestId?: (row: T) => string;
  size?: 'small' | 'medium';
}) {
  return (
    <Table
      aria-label={props.label}
      {...(props.testId ? { 'data-testid': props.testId } : {})}
      {...(props.size ? { size: props.size } : {})}
    >
      <TableHeader>
        <TableRow>
          {props.columns.map((c) => (
            <TableHeaderCell key={c.header}>{c.header}</TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {props.rows.map((row) => (
          <TableRow
            key={props.rowKey(row)}
            {...(props.rowTestId ? { 'data-testid': props.rowTestId(row) } : {})}
          >
            {props.columns.map((c) => (
              <TableCell key={c.header} className={c.className}>
                {c.cell(row)}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
