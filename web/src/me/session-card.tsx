/** @jsxImportSource preact */
import { useState } from 'preact/hooks';
import { clockOf } from '../shared/api';
import { Pictogram, PictogramName } from '../shared/pictograms';
import { MeTexts } from './me-texts';

/** One of her sessions as GET /me/sessions gives it. */
export interface MySession {
  sessionId: string;
  groupName: string;
  date: string;
  start: string;
  end: string;
  locationName: string;
  locationAddress: string;
  status: 'planned' | 'cancelled';
  pickupTime: string | null;
  homeTime: string | null;
  childcare: string[];
  absent: boolean;
}

const REASONS: { reason: string; pictogram: PictogramName; text: (t: MeTexts) => string }[] = [
  { reason: 'ill', pictogram: 'ill', text: (t) => t.ill },
  { reason: 'child-ill', pictogram: 'childIll', text: (t) => t.childIll },
  { reason: 'other', pictogram: 'other', text: (t) => t.other },
];

/** The day as she counts it, from the region's calendar date (not the phone's clock). */
const dayOf = (date: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    new Date(`${date}T12:00:00Z`),
  );

export function SessionCard(props: {
  session: MySession;
  texts: MeTexts;
  locale: string;
  onReport: (sessionId: string, reason: string) => Promise<void>;
}) {
  const { session, texts } = props;
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const headingId = `s-${session.sessionId}`;

  const report = async (reason: string) => {
    setBusy(true);
    setFailed(false);
    try {
      await props.onReport(session.sessionId, reason);
      setAsking(false);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  const line = (pictogram: PictogramName, text: string) => (
    <p class="line">
      <Pictogram name={pictogram} />
      <span>{text}</span>
    </p>
  );
  const time = (iso: string) => <bdi class="time">{clockOf(iso)}</bdi>;

  return (
    <section class="card" aria-labelledby={headingId} data-session={session.sessionId}>
      <h3 id={headingId}>{dayOf(session.date, props.locale)}</h3>
      <p class="line">
        <Pictogram name="clock" />
        <span>
          {time(session.start)} – {time(session.end)} · {session.groupName}
        </span>
      </p>
      {line('place', `${session.locationName}, ${session.locationAddress}`)}
      {session.status === 'cancelled' ? (
        <p class="badge bad">{texts.cancelled}</p>
      ) : session.absent ? (
        <p class="badge wait">{texts.absent}</p>
      ) : (
        <>
          {session.pickupTime
            ? line('car', texts.pickup(clockOf(session.pickupTime)))
            : line('car', texts.noRide)}
          {session.homeTime && line('home', texts.home(clockOf(session.homeTime)))}
          {session.childcare.length > 0 && line('child', texts.care(session.childcare.join(', ')))}
          {failed && (
            <p class="error" role="alert">
              {texts.failed}
            </p>
          )}
          {asking ? (
            <fieldset class="actions reasons">
              <legend>{texts.why}</legend>
              {REASONS.map(({ reason, pictogram, text }) => (
                <button class="button bad" type="button" disabled={busy} onClick={() => report(reason)}>
                  <Pictogram name={pictogram} />
                  {text(texts)}
                </button>
              ))}
              <button class="button secondary" type="button" onClick={() => setAsking(false)}>
                {texts.back}
              </button>
            </fieldset>
          ) : (
            <div class="actions">
              <button class="button secondary" type="button" onClick={() => setAsking(true)}>
                <Pictogram name="stop" />
                {texts.cantCome}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
