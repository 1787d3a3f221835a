/** @jsxImportSource preact */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { ApiError, callApi } from '../shared/api';
import { forgetLinkToken, linkToken } from '../shared/link-token';
import { driverTexts } from './driver-texts';
import { RouteCard } from './route-card';
import { RouteSheet, todayAndTomorrow } from './route-sheet';
import { StatusQueue } from './status-queue';

const TOKEN_KEY = 'trefpunt.driver.token';

type State =
  { kind: 'loading' } | { kind: 'bad-link' } | { kind: 'failed' } | { kind: 'ready'; days: RouteSheet[] };

/** Her rides of today and tomorrow from her personal link: GET /drivers/me/routes, POST /route-stops/{id}/…. */
export function DriverPage() {
  const { texts, language } = driverTexts();
  const [token] = useState(() => linkToken(TOKEN_KEY));
  const [state, setState] = useState<State>(token ? { kind: 'loading' } : { kind: 'bad-link' });
  const [, setQueueVersion] = useState(0);
  const [online, setOnline] = useState(navigator.onLine);
  const queue = useMemo(
    () => (token ? new StatusQueue(token, () => setQueueVersion((v) => v + 1)) : null),
    [token],
  );

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = `${texts.title} – Trefpunt`;
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    if (!token) return;
    Promise.all(
      todayAndTomorrow().map((date) => callApi<RouteSheet>(token, `/drivers/me/routes?date=${date}`)),
    ).then(
      (days) => {
        setState({ kind: 'ready', days });
        void queue?.flush();
      },
      (error: unknown) => {
        if (error instanceof ApiError && error.status === 401) {
          forgetLinkToken(TOKEN_KEY);
          setState({ kind: 'bad-link' });
        } else setState({ kind: 'failed' });
      },
    );
  }, []);

  if (state.kind !== 'ready') {
    const message = { loading: texts.loading, 'bad-link': texts.badLink, failed: texts.failed }[state.kind];
    return (
      <main>
        <h1>{texts.title}</h1>
        <p class={state.kind === 'loading' ? '' : 'error'}>{message}</p>
      </main>
    );
  }
  const waiting = queue!.pending().length;
  return (
    <main>
      <h1>{texts.hello(state.days[0].driver.name)}</h1>
      {(!online || waiting > 0) && (
        <p class="notice" role="status">
          {!online && `${texts.offline} `}
          {waiting > 0 && texts.waiting(waiting)}
        </p>
      )}
      {state.days.map((sheet, index) => (
        <section aria-labelledby={`day-${index}`}>
          <h2 id={`day-${index}`}>{index === 0 ? texts.today : texts.tomorrow}</h2>
          {sheet.routes.length === 0 && <p>{texts.none}</p>}
          {sheet.routes.map((route) => (
            <RouteCard route={route} texts={texts} queue={queue!} />
          ))}
        </section>
      ))}
    </main>
  );
}
