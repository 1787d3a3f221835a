import { useCallback, useEffect, useState } from 'react';
import { api } from './api';
import { ChildcarePage } from './childcare-page';
import { CHILDCARE_TEXTS } from './childcare-texts';
import { ConflictsPage } from './conflicts-page';
import { CONFLICT_TEXTS } from './conflicts-texts';
import { GlancePage } from './glance-page';
import { ImportPage } from './import-page';
import { IMPORT_TEXTS } from './import-texts';
import { MessagesPage } from './messages-page';
import { MESSAGE_TEXTS } from './messages-texts';
import { usePath } from './navigation';
import { PeoplePage } from './people-page';
import { PEOPLE_TEXTS } from './people-texts';
import { useRegionData } from './region-plan';
import { RidesPage } from './rides-page';
import { SignInPage } from './sign-in-page';
import { AppLanguage, LanguageContext, TEXTS } from './texts';
import { WeekPage } from './week-page';

const LANGUAGE_KEY = 'trefpunt.app.language';
const REGION_KEY = 'trefpunt.app.region';

interface Session {
  name: string;
  role: 'admin' | 'coordinator';
  regionIds: string[];
}
interface Region {
  id: string;
  name: string;
}

/** The coordinator's app: sign-in, then her region at a glance, her week, the rides and the pages of the menu. */
export function App() {
  const [language, setLanguage] = useState<AppLanguage>(() =>
    localStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'nl',
  );
  const [session, setSession] = useState<Session | null>();
  const [regions, setRegions] = useState<Region[]>([]);
  const [regionId, setRegionId] = useState<string>();
  const [path, query, navigate] = usePath();
  const texts = TEXTS[language];

  useEffect(() => {
    document.documentElement.lang = language;
    localStorage.setItem(LANGUAGE_KEY, language);
  }, [language]);

  const loadSession = useCallback(() => {
    api<Session>('/auth/session').then(
      (found) => {
        setSession(found);
        api<{ items: Region[] }>('/regions?limit=1000').then(({ items }) => {
          setRegions(items);
          const kept = localStorage.getItem(REGION_KEY);
          setRegionId(items.find((region) => region.id === kept)?.id ?? items[0]?.id);
        });
      },
      () => setSession(null),
    );
  }, []);
  // Once, on opening: /sign-in exchanges its link first, and asks for the session itself afterwards.
  const [opened] = useState(path);
  useEffect(() => {
    if (opened !== '/sign-in') loadSession();
    else setSession(null);
  }, [loadSession, opened]);

  const { data, error, reload } = useRegionData(session ? regionId : undefined);

  const signOut = () => {
    api('/auth/sign-out', { method: 'POST' }).finally(() => {
      setSession(null);
      navigate('/sign-in');
    });
  };
  const chooseRegion = (id: string) => {
    localStorage.setItem(REGION_KEY, id);
    setRegionId(id);
  };
  const link = (to: string, label: string) => (
    <a
      href={to}
      aria-current={path === to ? 'page' : undefined}
      onClick={(event) => {
        event.preventDefault();
        navigate(to);
      }}
    >
      {label}
    </a>
  );

  return (
    <LanguageContext.Provider value={language}>
      <header className="bar">
        <span className="brand">{texts.title}</span>
        {session && (
          <nav aria-label={texts.nav} className="menu">
            {link('/', texts.glance)}
            {link('/week', texts.week)}
            {link('/rides', texts.rides)}
            {link('/conflicts', CONFLICT_TEXTS[language].menu)}
            {link('/care', CHILDCARE_TEXTS[language].menu)}
            {link('/people', PEOPLE_TEXTS[language].menu)}
            {link('/messages', MESSAGE_TEXTS[language].menu)}
            {link('/import', IMPORT_TEXTS[language].menu)}
          </nav>
        )}
        <span className="tools">
          {session && regions.length > 1 && (
            <select
              aria-label={texts.region}
              value={regionId}
              onChange={(event) => chooseRegion(event.target.value)}
            >
              {regions.map((region) => (
                <option key={region.id} value={region.id}>
                  {region.name}
                </option>
              ))}
            </select>
          )}
          <button type="button" className="link" onClick={() => setLanguage(language === 'nl' ? 'en' : 'nl')}>
            {texts.language}
          </button>
          {session && (
            <button type="button" className="link" onClick={signOut}>
              {texts.signOut} ({session.name})
            </button>
          )}
        </span>
      </header>
      {session === undefined ? (
        <main className="page">
          <p role="status">{texts.loading}</p>
        </main>
      ) : session === null ? (
        <SignInPage onSignedIn={loadSession} />
      ) : error ? (
        <main className="page">
          <h1>{texts.error}</h1>
          <p>{error}</p>
        </main>
      ) : !data ? (
        <main className="page">
          <p role="status">{texts.loading}</p>
        </main>
      ) : path === '/week' ? (
        <WeekPage data={data} date={query.get('date')} reload={reload} navigate={navigate} />
      ) : path === '/rides' ? (
        <RidesPage data={data} date={query.get('date')} session={query.get('session')} navigate={navigate} />
      ) : path === '/people' ? (
        <PeoplePage data={data} selected={query.get('id')} reload={reload} navigate={navigate} />
      ) : path === '/import' ? (
        <ImportPage data={data} reload={reload} />
      ) : path === '/messages' ? (
        <MessagesPage data={data} reload={reload} />
      ) : path === '/care' ? (
        <ChildcarePage data={data} date={query.get('date')} reload={reload} navigate={navigate} />
      ) : path === '/conflicts' ? (
        <ConflictsPage data={data} provider={query.get('provider')} navigate={navigate} />
      ) : (
        <GlancePage data={data} navigate={navigate} />
      )}
    </LanguageContext.Provider>
  );
}
