// The unit table: sortable and filterable, every unit the caller may see in the chosen cycle (all for
// coordinators, their teams' units for examiners), read in one request and sorted and filtered
// here. Rows show 50 at a time so a thousand units stay quick on a phone.
import { useEffect, useMemo, useState } from 'react';
import {
  Button,
  Input,
  Link,
  MessageBar,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
} from '@fluentui/react-components';
import type { UnitPage, UnitRow } from '../../../features/status/types.js';
import type { Api } from '../api.js';
import { Pending } from '../Pending.js';
import { useApi } from '../useApi.js';
import { CLASSES, STATES, className, stateLabel, t, type Locale } from '../i18n.js';

type SortKey = 'name' | 'class' | 'board' | 'state' | 'characters' | 'visits';
const PAGE = 50;

const useStyles = makeStyles({
  tools: { display: 'flex', flexWrap: 'wrap', gap: '8px', alignItems: 'end', marginBottom: '8px' },
  scroll: { overflowX: 'auto' },
  pager: { display: 'flex', gap: '8px', alignItems: 'center', marginTop: '8px', flexWrap: 'wrap' },
  late: { color: 'inherit', fontWeight: 600 },
});

const value = (r: UnitRow, key: SortKey, locale: Locale): string | number => {
  switch (key) {
    case 'name':
      return r.name;
    case 'class':
      return className(r.classId, locale);
    case 'board':
      return r.organisationName ?? '';
    case 'state':
      return STATES.indexOf(r.state);
    case 'characters':
      return r.submission?.characters ?? -1;
    case 'visits':
      return r.visits.length;
  }
};

export function UnitTable(props: {
  api: Api;
  locale: Locale;
  year: number;
  coordinator: boolean;
  onOpen: (unitId: string) => void;
}) {
  const { api, locale, year } = props;
  const styles = useStyles();
  const loaded = useApi<UnitPage>(api, `/units?year=${year}&all=true`);
  const rows = loaded.data?.items;
  const [exportError, setError] = useState<string>();
  const [query, setQuery] = useState('');
  const [state, setState] = useState('');
  const [classId, setClassId] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'name', dir: 1 });
  const [page, setPage] = useState(0);

  const shown = useMemo(() => {
    const q = query.trim().toLocaleLowerCase('sv');
    const list = (rows ?? []).filter(
      (r) =>
        (!q ||
          r.name.toLocaleLowerCase('sv').includes(q) ||
          (r.organisationName ?? '').toLocaleLowerCase('sv').includes(q)) &&
        (!state || r.state === state) &&
        (!classId || r.classId === classId),
    );
    return list.sort((a, b) => {
      const x = value(a, sort.key, locale);
      const y = value(b, sort.key, locale);
      const c =
        typeof x === 'number' && typeof y === 'number'
          ? x - y
          : String(x).localeCompare(String(y), 'sv');
      return c * sort.dir || a.name.localeCompare(b.name, 'sv');
    });
  }, [rows, query, state, classId, sort, locale]);

  useEffect(() => setPage(0), [query, state, classId, sort, year]);

  const exportCsv = async () => {
    setError(undefined);
    try {
      const blob = await api.blob(`/status/participants.csv?year=${year}`);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `deltagare-${year}.csv`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  if (!rows) return <Pending error={loaded.error} locale={locale} />;

  const header = (key: SortKey, label: string) => (
    <TableHeaderCell
      sortDirection={sort.key === key ? (sort.dir === 1 ? 'ascending' : 'descending') : undefined}
      onClick={() => setSort((s) => ({ key, dir: s.key === key ? (s.dir === 1 ? -1 : 1) : 1 }))}
    >
      {label}
    </TableHeaderCell>
  );
  const pages = Math.max(1, Math.ceil(shown.length / PAGE));
  const visible = shown.slice(page * PAGE, (page + 1) * PAGE);

  return (
    <section aria-label={t('units', locale)}>
      <div className={styles.tools}>
        <Input
          aria-label={t('filter', locale)}
          placeholder={t('filter', locale)}
          value={query}
          onChange={(_e, d) => setQuery(d.value)}
        />
        <Select
          aria-label={t('state', locale)}
          value={state}
          onChange={(_e, d) => setState(d.value)}
        >
          <option value="">{t('allStates', locale)}</option>
          {STATES.map((s) => (
            <option key={s} value={s}>
              {stateLabel(s, locale)}
            </option>
          ))}
        </Select>
        <Select
          aria-label={t('class', locale)}
          value={classId}
          onChange={(_e, d) => setClassId(d.value)}
        >
          <option value="">{t('allClasses', locale)}</option>
          {CLASSES.map((c) => (
            <option key={c.id} value={c.id}>
              {c[locale]}
            </option>
          ))}
        </Select>
        {props.coordinator && (
          <Button onClick={() => void exportCsv()}>{t('exportCsv', locale)}</Button>
        )}
      </div>
      {exportError && <MessageBar intent="error">{exportError}</MessageBar>}
      <Text role="status" aria-live="polite">
        {shown.length} {t('of', locale)} {rows.length} {t('shown', locale)}
      </Text>
      <div className={styles.scroll}>
        <Table sortable aria-label={t('units', locale)} data-testid="unit-table">
          <TableHeader>
            <TableRow>
              {header('name', t('name', locale))}
              {header('class', t('class', locale))}
              {header('board', t('board', locale))}
              {header('state', t('state', locale))}
              {header('characters', t('characters', locale))}
              {header('visits', t('visits', locale))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {visible.map((r) => (
              <TableRow key={r.unitId}>
                <TableCell>
                  <Link as="button" onClick={() => props.onOpen(r.unitId)}>
                    {r.name}
                  </Link>
                </TableCell>
                <TableCell>{className(r.classId, locale)}</TableCell>
                <TableCell>{r.organisationName ?? ''}</TableCell>
                <TableCell>{stateLabel(r.state, locale)}</TableCell>
                <TableCell>
                  {r.submission
                    ? r.submission.characters.toLocaleString(locale === 'sv' ? 'sv-SE' : 'en-GB')
                    : '–'}
                  {r.submission?.late && (
                    <span className={styles.late}> ({t('late', locale)})</span>
                  )}
                </TableCell>
                <TableCell>{r.visits.length}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {shown.length === 0 && <Text>{t('noUnits', locale)}</Text>}
      {pages > 1 && (
        <nav className={styles.pager} aria-label={t('page', locale)}>
          <Button disabled={page === 0} onClick={() => setPage(page - 1)}>
            {t('previous', locale)}
          </Button>
          <Text>
            {t('page', locale)} {page + 1} {t('of', locale)} {pages}
          </Text>
          <Button disabled={page >= pages - 1} onClick={() => setPage(page + 1)}>
            {t('next', locale)}
          </Button>
        </nav>
      )}
    </section>
  );
}
