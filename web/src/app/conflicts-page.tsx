import { useEffect, useState } from 'react';
import { api } from './api';
import { CONFLICT_TEXTS } from './conflicts-texts';
import { isoWeekdayName, weekdayName } from './dates';
import { RegionData } from './region-plan';
import { useLanguage, usePageTexts } from './texts';

/** `GET /language-providers/{id}/conflicts` as JSON: the parts this page shows. */
interface ProviderConflicts {
  provider: { id: string; name: string; email: string | null };
  participants: {
    participantId: string;
    ref: string | null;
    name: string;
    lessons: {
      lessonId: string;
      weekday: number;
      from: string;
      to: string;
      sessions: {
        sessionId: string;
        groupName: string;
        date: string;
        start: string;
        end: string;
        kind: 'overlap' | 'travel';
        overlapMinutes: number;
      }[];
    }[];
  }[];
  bestMoves: {
    lessonId: string;
    name: string;
    weekday: number;
    from: string;
    to: string;
    attendable: number;
  }[];
  newSinceLastPlan: number;
}

interface Props {
  data: RegionData;
  provider: string | null;
  navigate: (to: string) => void;
}

/**
 * The lessons of one language provider that clash with the training, per woman, and what to send its planning
 * desk: the list as CSV and the letter, which the API signs with the coordinator's own name and contact.
 */
export function ConflictsPage({ data, provider, navigate }: Props) {
  const texts = usePageTexts(CONFLICT_TEXTS);
  const language = useLanguage();
  const providers = [...data.languageProviders.items].sort((a, b) => a.name.localeCompare(b.name));
  const chosen = providers.find((p) => p.id === provider) ?? providers[0];
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [report, setReport] = useState<ProviderConflicts>();
  const [error, setError] = useState<string>();

  const period = `${from ? `&from=${from}` : ''}${to ? `&to=${to}` : ''}`;
  const address = (format: string) => `/language-providers/${chosen?.id}/conflicts?format=${format}${period}`;
  useEffect(() => {
    if (!chosen) return;
    let current = true;
    setReport(undefined);
    api<ProviderConflicts>(address('json')).then(
      (found) => current && (setReport(found), setError(undefined)),
      (failure: Error) => current && setError(failure.message),
    );
    return () => {
      current = false;
    };
  }, [chosen?.id, from, to]);

  if (!chosen) {
    return (
      <main className="page">
        <h1>{texts.title}</h1>
        <p>{texts.noProviders}</p>
      </main>
    );
  }
  const slug = chosen.name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return (
    <main className="page">
      <h1>{texts.title}</h1>
      <div className="toolbar">
        <label>
          {texts.provider}{' '}
          <select
            value={chosen.id}
            onChange={(event) => navigate(`/conflicts?provider=${event.target.value}`)}
          >
            {providers.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {texts.from} <input type="date" value={from} onChange={(event) => setFrom(event.target.value)} />
        </label>
        <label>
          {texts.to} <input type="date" value={to} onChange={(event) => setTo(event.target.value)} />
        </label>
      </div>
      <section className="card" aria-labelledby="downloads">
        <h2 id="downloads">{texts.downloads}</h2>
        <p className="inline">
          <a className="button" href={address('csv')} download={`conflicten-${slug}.csv`}>
            {texts.downloadCsv}
          </a>
          <a className="button" href={address('letter')} download={`brief-${slug}.txt`}>
            {texts.downloadLetter}
          </a>
        </p>
        <p className="muted">{texts.letterNote}</p>
      </section>
      {error && <p className="warning">{error}</p>}
      {!report ? (
        !error && <p role="status">…</p>
      ) : report.participants.length === 0 ? (
        <p>{texts.none}</p>
      ) : (
        <>
          {report.newSinceLastPlan > 0 && (
            <p className="warning">
              {report.newSinceLastPlan} {texts.newSince}
            </p>
          )}
          <ul className="plain conflicts">
            {report.participants.map((participant) => (
              <li key={participant.participantId} data-participant={participant.participantId}>
                <h2>{participant.name}</h2>
                {participant.lessons.map((lesson) => (
                  <div key={lesson.lessonId}>
                    <p>
                      {texts.lesson}: {texts.every} {isoWeekdayName(lesson.weekday, language)} {lesson.from}–
                      {lesson.to}
                    </p>
                    <ul>
                      {lesson.sessions.map((session) => (
                        <li key={session.sessionId}>
                          {session.groupName}, {weekdayName(session.date, language)} {session.start}–
                          {session.end}:{' '}
                          {session.kind === 'overlap'
                            ? `${session.overlapMinutes} ${texts.overlapMinutes}`
                            : texts.travel}
                        </li>
                      ))}
                    </ul>
                  </div>
                ))}
              </li>
            ))}
          </ul>
          {report.bestMoves.length > 0 && (
            <section className="card" aria-labelledby="best-moves">
              <h2 id="best-moves">{texts.bestMoves}</h2>
              <ol>
                {report.bestMoves.slice(0, 5).map((move) => (
                  <li key={move.lessonId}>
                    {move.name}: {isoWeekdayName(move.weekday, language)} {move.from}–{move.to} —{' '}
                    {move.attendable} {texts.moveGains}
                  </li>
                ))}
              </ol>
            </section>
          )}
        </>
      )}
    </main>
  );
}
