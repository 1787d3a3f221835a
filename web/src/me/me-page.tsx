/** @jsxImportSource preact */
import { useEffect, useState } from 'preact/hooks';
import { ApiError, callApi } from '../shared/api';
import { forgetLinkToken, linkToken } from '../shared/link-token';
import { MeTexts, RIGHT_TO_LEFT, textsFor } from './me-texts';
import { MySession, SessionCard } from './session-card';
import { CarPoolCard, MyCarPoolOffer } from './car-pool-card';

const TOKEN_KEY = 'trefpunt.me.token';

interface Me {
  name: string;
  language: string;
}

type State =
  | { kind: 'loading' }
  | { kind: 'bad-link' }
  | { kind: 'failed' }
  | { kind: 'ready'; me: Me; sessions: MySession[]; carPool: MyCarPoolOffer[] };

/**
 * Her page from her personal link: GET /me, GET /me/sessions, POST /me/sessions/{id}/absence, and her car-pool
 * offers (GET /me/car-pool, POST /me/car-pool/{id}/accept or decline).
 */
export function MePage() {
  const [token] = useState(() => linkToken(TOKEN_KEY));
  const [state, setState] = useState<State>(token ? { kind: 'loading' } : { kind: 'bad-link' });
  const [reported, setReported] = useState(false);

  const load = async () => {
    if (!token) return;
    try {
      const [me, sessions, carPool] = await Promise.all([
        callApi<Me>(token, '/me'),
        callApi<{ items: MySession[] }>(token, '/me/sessions'),
        callApi<{ items: MyCarPoolOffer[] }>(token, '/me/car-pool'),
      ]);
      setState({ kind: 'ready', me, sessions: sessions.items, carPool: carPool.items });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        forgetLinkToken(TOKEN_KEY);
        setState({ kind: 'bad-link' });
      } else setState({ kind: 'failed' });
    }
  };
  useEffect(() => void load(), []);

  const { texts, locale, language } = textsFor(state.kind === 'ready' ? state.me.language : 'nl');
  useEffect(() => {
    document.documentElement.lang = language;
    document.documentElement.dir = RIGHT_TO_LEFT.has(language) ? 'rtl' : 'ltr';
    document.title = `${texts.title} – Trefpunt`;
  }, [language]);

  const reportAbsence = async (sessionId: string, reason: string) => {
    await callApi(token!, `/me/sessions/${sessionId}/absence`, {
      method: 'POST',
      body: JSON.stringify({ reason }),
    });
    setReported(true);
    await load();
  };

  const answerCarPool = async (offerId: string, answer: 'accept' | 'decline') => {
    await callApi(token!, `/me/car-pool/${offerId}/${answer}`, { method: 'POST' });
    await load();
  };

  return (
    <main>
      <Body
        state={state}
        texts={texts}
        locale={locale}
        reported={reported}
        onReport={reportAbsence}
        onAnswer={answerCarPool}
      />
    </main>
  );
}

function Body(props: {
  state: State;
  texts: MeTexts;
  locale: string;
  reported: boolean;
  onReport: (sessionId: string, reason: string) => Promise<void>;
  onAnswer: (offerId: string, answer: 'accept' | 'decline') => Promise<void>;
}) {
  const { state, texts } = props;
  if (state.kind === 'loading') return <p>{texts.loading}</p>;
  if (state.kind === 'bad-link') return <p class="error">{texts.badLink}</p>;
  if (state.kind === 'failed') return <p class="error">{texts.failed}</p>;
  return (
    <>
      <h1>{texts.hello(state.me.name.split(' ')[0])}</h1>
      {props.reported && (
        <p class="notice" role="status">
          {texts.reported}
        </p>
      )}
      {state.carPool.map((offer) => (
        <CarPoolCard key={offer.id} offer={offer} texts={texts} onAnswer={props.onAnswer} />
      ))}
      <h2>{texts.sessions}</h2>
      {state.sessions.length === 0 && <p>{texts.none}</p>}
      {state.sessions.map((session) => (
        <SessionCard
          key={session.sessionId}
          session={session}
          texts={texts}
          locale={props.locale}
          onReport={props.onReport}
        />
      ))}
    </>
  );
}
