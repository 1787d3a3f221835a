import { clockOf, dateOf, today, weekdayName } from './dates';
import { describer } from './describe';
import { sayReason } from './reason-texts';
import { DriverLinks } from './driver-links';
import { RegionData } from './region-plan';
import { colourOf, RouteMap } from './route-map';
import { useLanguage, useTexts } from './texts';

interface Props {
  data: RegionData;
  date: string | null;
  session: string | null;
  navigate: (to: string) => void;
}

/** The rides of a day or of one session: on a map, and listed with stops in order, times, riders and load. */
export function RidesPage({ data, date, session, navigate }: Props) {
  const texts = useTexts();
  const language = useLanguage();
  const say = describer(data, texts, language);
  const day = date ?? today();
  const sessionsOfDay = data.sessions.items
    .filter((s) => s.status === 'planned' && dateOf(s.start) === day)
    .sort((a, b) => a.start.localeCompare(b.start));
  const chosen = sessionsOfDay.filter((s) => !session || s.id === session);
  const keys = new Set(chosen.map((s) => s.ref ?? s.id));
  const routes = data.plan.routes.filter((r) => keys.has(r.sessionId));
  const unrouted = data.plan.unrouted.filter((u) => keys.has(u.sessionId));
  const first = chosen[0] && data.plan.sessions.find((s) => s.id === (chosen[0].ref ?? chosen[0].id));
  const destination = first ? data.locations.get(first.locationId)?.position : undefined;
  const go = (nextDay: string, nextSession?: string) =>
    navigate(`/rides?date=${nextDay}${nextSession ? `&session=${nextSession}` : ''}`);

  return (
    <main className="page wide">
      <h1>
        {texts.ridesTitle}: {weekdayName(day, language)}
      </h1>
      <div className="toolbar">
        <label>
          {texts.day}{' '}
          <input type="date" value={day} onChange={(event) => event.target.value && go(event.target.value)} />
        </label>
        <label>
          {texts.session}{' '}
          <select value={session ?? ''} onChange={(event) => go(day, event.target.value || undefined)}>
            <option value="">{texts.allSessions}</option>
            {sessionsOfDay.map((s) => (
              <option key={s.id} value={s.id}>
                {say.session(s.ref ?? s.id)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {routes.length === 0 ? (
        <p>{texts.noRides}</p>
      ) : (
        <div className="rides">
          <RouteMap routes={routes} destination={destination} label={texts.mapLabel} />
          <div>
            {routes.map((route, index) => {
              const vehicle = data.vehicles.get(route.vehicleId);
              const riders = route.stops.length;
              const children = route.stops.reduce((sum, stop) => sum + stop.children, 0);
              return (
                <section key={route.id} className="card route" data-route={route.id}>
                  <h2 style={{ borderColor: colourOf(index) }}>
                    {vehicle?.name ?? route.vehicleId} — {route.direction === 'to' ? texts.to : texts.from}
                  </h2>
                  <p className="muted">
                    {say.session(route.sessionId)} · {texts.depart} {clockOf(route.depart)} · {texts.arrive}{' '}
                    {clockOf(route.arrive)} · {texts.load} {riders + children}/{vehicle?.seats ?? '?'}{' '}
                    {texts.seats}
                  </p>
                  <ol>
                    {route.stops.map((stop, order) => (
                      <li key={order}>
                        {clockOf(stop.time)} {say.participant(stop.participantId)}
                        {stop.children > 0 && ` (+${stop.children} ${texts.child})`}
                      </li>
                    ))}
                  </ol>
                </section>
              );
            })}
          </div>
        </div>
      )}
      {unrouted.length > 0 && (
        <section className="card">
          <h2>{texts.unrouted}</h2>
          <ul className="plain">
            {unrouted.map((u, i) => (
              <li key={i}>
                <strong>{say.participant(u.participantId)}</strong> (
                {u.direction === 'to' ? texts.to : texts.from}): {sayReason(u.reasonCode, u.reason, language)}
              </li>
            ))}
          </ul>
        </section>
      )}
      <DriverLinks data={data} />
    </main>
  );
}
