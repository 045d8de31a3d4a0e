// The local mode's sign-in page: the demo tenant's people by name and role; choosing one signs in as
// them with a token the emulator mints (the tab API checks it as it would a tenant's).
import { useEffect, useState } from 'react';
import {
  Button,
  Card,
  MessageBar,
  Spinner,
  Text,
  Title1,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { localSignIn, type Session } from '../auth.js';
import { t, type Locale } from '../i18n.js';

interface Person {
  upn: string;
  displayName: string;
  role: 'coordinator' | 'examiner' | 'unit-manager';
  detail?: string;
}

const useStyles = makeStyles({
  page: { maxWidth: '960px', margin: '0 auto', padding: '16px' },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))',
    gap: '8px',
    listStyleType: 'none',
    padding: 0,
  },
  person: { width: '100%', justifyContent: 'flex-start', textAlign: 'left', minHeight: '56px' },
  detail: { color: tokens.colorNeutralForeground2, display: 'block' },
});

const ROLE_ORDER: Person['role'][] = ['coordinator', 'examiner', 'unit-manager'];

export function LocalSignIn(props: { locale: Locale; onSignedIn: (s: Session) => void }) {
  const { locale } = props;
  const styles = useStyles();
  const [people, setPeople] = useState<Person[]>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    fetch('/api/local-sign-in/people')
      .then(async (res) => {
        if (!res.ok) throw new Error(`${res.status}`);
        setPeople(((await res.json()) as { people: Person[] }).people);
      })
      .catch((e: Error) => setError(`${t('error', locale)}: ${e.message}`));
  }, [locale]);

  const choose = async (upn: string) => {
    try {
      props.onSignedIn(await localSignIn(upn));
    } catch (e) {
      setError(`${t('error', locale)}: ${(e as Error).message}`);
    }
  };

  return (
    <main className={styles.page}>
      <Title1 as="h1">{t('localSignInTitle', locale)}</Title1>
      <p>
        <Text>{t('localSignInIntro', locale)}</Text>
      </p>
      {error && <MessageBar intent="error">{error}</MessageBar>}
      {!people && !error && <Spinner label={t('loading', locale)} />}
      {people &&
        ROLE_ORDER.map((role) => (
          <section key={role} aria-labelledby={`role-${role}`}>
            <Title3 as="h2" id={`role-${role}`}>
              {t(`role_${role}`, locale)}
            </Title3>
            <ul className={styles.grid}>
              {people
                .filter((p) => p.role === role)
                .map((p) => (
                  <li key={`${role}:${p.upn}`}>
                    <Card>
                      <Button
                        appearance="subtle"
                        className={styles.person}
                        onClick={() => void choose(p.upn)}
                      >
                        <span>
                          {p.displayName}
                          {p.detail && <span className={styles.detail}>{p.detail}</span>}
                        </span>
                      </Button>
                    </Card>
                  </li>
                ))}
            </ul>
          </section>
        ))}
    </main>
  );
}
