import { useCallback, useEffect, useState } from 'react';
import { all, api } from './api';
import { CHILDCARE_TEXTS } from './childcare-texts';
import { addDays, ageInWords, clockOf, dateOf, mondayOf, today, weekdayName } from './dates';
import { describer } from './describe';
import { sayReason } from './reason-texts';
import { RegionData, SessionRecord } from './region-plan';
import { useLanguage, usePageTexts, useTexts } from './texts';

/** `GET /childcare/bookings`: one child's place at a provider for a session. */
interface Booking {
  id: string;
  childId: string;
  participantId: string;
  sessionId: string;
  providerId: string;
  ageMonths: number;
  from: string;
  to: string;
  status: 'requested' | 'confirmed' | 'cancelled';
  statusReason: string | null;
}

interface Props {
  data: RegionData;
  date: string | null;
  reload: () => void;
  navigate: (to: string) => void;
}

/** The children's care of a week: per session and provider who is booked and who has no place; move, confirm, cancel. */
export function ChildcarePage({ data, date, reload, navigate }: Props) {
  const texts = usePageTexts(CHILDCARE_TEXTS);
  const common = useTexts();
  const language = useLanguage();
  const say = describer(data, common, language);
  const monday = mondayOf(date ?? today());
  const sunday = addDays(monday, 6);
  const [bookings, setBookings] = useState<Booking[]>();
  const [message, setMessage] = useState<string>();
  const [version, setVersion] = useState(0);

  const { regionId } = data;
  useEffect(() => {
    let current = true;
    all<Booking>(`/childcare/bookings?region=${regionId}`).then(
      (found) => current && setBookings(found),
      (failure: Error) => current && setMessage(failure.message),
    );
    return () => {
      current = false;
    };
  }, [regionId, version]);

  const act = useCallback(
    (booking: Booking, action: string, body: object = {}) =>
      api(`/childcare/bookings/${booking.id}/${action}`, { method: 'POST', body }).then(
        () => {
          setMessage(texts.saved);
          setVersion((v) => v + 1);
          reload();
        },
        (failure: Error) => setMessage(failure.message),
      ),
    [reload, texts.saved],
  );

  const sessions = data.sessions.items
    .filter((s) => s.status === 'planned' && dateOf(s.start) >= monday && dateOf(s.start) <= sunday)
    .sort((a, b) => a.start.localeCompare(b.start));
  const age = (months: number) => ageInWords(months, texts, true);
  const childName = (childId: string, participantId: string) => {
    const ref = data.children.get(childId)?.ref;
    return `${ref ? `${ref}, ` : ''}${texts.childOf} ${say.participant(participantId)}`;
  };

  const sessionCard = (session: SessionRecord) => {
    const own = (bookings ?? []).filter((b) => b.sessionId === session.id);
    const unmet = data.plan.childcareUnmet.filter((u) => u.sessionId === (session.ref ?? session.id));
    if (own.length === 0 && unmet.length === 0) return null;
    const providers = [...new Set(own.map((b) => b.providerId))];
    return (
      <section
        key={session.id}
        className="card"
        aria-labelledby={`care-${session.id}`}
        data-session={session.id}
      >
        <h2 id={`care-${session.id}`}>{say.session(session.ref ?? session.id)}</h2>
        {providers.map((providerId) => (
          <div key={providerId} className="scroll">
            <table data-provider={providerId}>
              <caption>{data.childcareProviders.get(providerId)?.name ?? providerId}</caption>
              <thead>
                <tr>
                  <th scope="col">{texts.child}</th>
                  <th scope="col">{texts.age}</th>
                  <th scope="col">{texts.time}</th>
                  <th scope="col">{texts.status}</th>
                  <th scope="col">{texts.actions}</th>
                </tr>
              </thead>
              <tbody>
                {own
                  .filter((b) => b.providerId === providerId)
                  .map((booking) => (
                    <BookingRow
                      key={booking.id}
                      booking={booking}
                      name={childName(booking.childId, booking.participantId)}
                      age={age(booking.ageMonths)}
                      providers={data.childcareProviders.items}
                      act={act}
                    />
                  ))}
              </tbody>
            </table>
          </div>
        ))}
        {unmet.length > 0 && (
          <>
            <h3>{texts.unmet}</h3>
            <ul className="plain">
              {unmet.map((u) => (
                <li key={u.childId} data-unmet={u.childId}>
                  <strong>{say.child(u.childId, dateOf(session.start))}</strong>:{' '}
                  {sayReason(u.reasonCode, u.reason, language)}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    );
  };

  const cards = sessions.map(sessionCard).filter(Boolean);
  return (
    <main className="page">
      <h1>
        {texts.title}: {common.weekOf} {weekdayName(monday, language)}
      </h1>
      <div className="toolbar">
        <button type="button" onClick={() => navigate(`/care?date=${addDays(monday, -7)}`)}>
          {common.previousWeek}
        </button>
        <button type="button" onClick={() => navigate(`/care?date=${addDays(monday, 7)}`)}>
          {common.nextWeek}
        </button>
      </div>
      {message && <p role="status">{message}</p>}
      {!bookings ? (
        <p role="status">{common.loading}</p>
      ) : cards.length === 0 ? (
        <p>{texts.noBookings}</p>
      ) : (
        cards
      )}
    </main>
  );
}

interface RowProps {
  booking: Booking;
  name: string;
  age: string;
  providers: { id: string; name: string }[];
  act: (booking: Booking, action: string, body?: object) => Promise<void>;
}

/** One child's place: its state, and what the coordinator can do with it. */
function BookingRow({ booking, name, age, providers, act }: RowProps) {
  const texts = usePageTexts(CHILDCARE_TEXTS);
  const others = providers.filter((p) => p.id !== booking.providerId);
  const [target, setTarget] = useState(others[0]?.id ?? '');
  const cancel = () => {
    if (!window.confirm(texts.confirmCancel)) return;
    const reason = window.prompt(texts.cancelReason) ?? '';
    void act(booking, 'cancel', reason.trim() ? { reason: reason.trim() } : {});
  };
  return (
    <tr data-booking={booking.id}>
      <th scope="row">{name}</th>
      <td>{age}</td>
      <td>
        {clockOf(booking.from)}–{clockOf(booking.to)}
      </td>
      <td className={booking.status === 'cancelled' ? 'no' : undefined}>
        {texts[booking.status]}
        {booking.statusReason ? `: ${booking.statusReason}` : ''}
      </td>
      <td>
        {booking.status !== 'cancelled' && (
          <div className="inline">
            {booking.status === 'requested' && (
              <button type="button" className="primary" onClick={() => void act(booking, 'confirm')}>
                {texts.confirm}
              </button>
            )}
            {others.length > 0 && (
              <>
                <select
                  aria-label={`${texts.moveTo}: ${name}`}
                  value={target}
                  onChange={(e) => setTarget(e.target.value)}
                >
                  {others.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </select>
                <button type="button" onClick={() => void act(booking, 'move', { providerId: target })}>
                  {texts.move}
                </button>
              </>
            )}
            <button type="button" className="danger" onClick={cancel}>
              {texts.cancel}
            </button>
          </div>
        )}
      </td>
    </tr>
  );
}
