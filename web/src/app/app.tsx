import { useEffect, useState } from 'react';
import { APP_TEXTS, AppLanguage } from './app-texts';

const LANGUAGE_KEY = 'trefpunt.app.language';

/** The coordinator's app. Its first page: what the service is, whether it runs, and where to go from here. */
export function App() {
  const [language, setLanguage] = useState<AppLanguage>(() =>
    localStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'nl',
  );
  const [healthy, setHealthy] = useState<boolean | undefined>(undefined);
  const texts = APP_TEXTS[language];

  useEffect(() => {
    document.documentElement.lang = language;
    localStorage.setItem(LANGUAGE_KEY, language);
  }, [language]);
  useEffect(() => {
    fetch('/health', { headers: { Accept: 'application/json' } }).then(
      (response) => setHealthy(response.ok),
      () => setHealthy(false),
    );
  }, []);

  return (
    <>
      <header className="bar">
        <span className="brand">{texts.title}</span>
        <button type="button" className="link" onClick={() => setLanguage(language === 'nl' ? 'en' : 'nl')}>
          {texts.language}
        </button>
      </header>
      <main className="page">
        <h1>{texts.title}</h1>
        <p>{texts.tagline}</p>
        <p>
          {texts.status}: <strong>{healthy === undefined ? '…' : healthy ? texts.up : texts.down}</strong>
        </p>
        <h2>{texts.comingTitle}</h2>
        <p>{texts.phonePages}</p>
        <p>{texts.driverLink}</p>
        <p>
          {texts.api}: <a href="/docs">{texts.apiLink}</a>
        </p>
      </main>
    </>
  );
}
