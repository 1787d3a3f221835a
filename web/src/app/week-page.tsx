import { useState } from 'react';
import { addDays, clockOf, dateOf, mondayOf, today, weekdayName } from './dates';
import { usePlanJob } from './plan-job';
import { PlanProgress } from './plan-progress';
import { RegionData, SessionRecord } from './region-plan';
import { SessionDetail } from './session-detail';
import { useLanguage, useTexts } from './texts';

interface Props {
  data: RegionData;
  date: string | null;
  reload: () => void;
  navigate: (to: string) => void;
}

/** The week: its sessions per location and group, day by day; a session opens to its members. */
export function WeekPage({ data, date, reload, navigate }: Props) {
  const texts = useTexts();
  const language = useLanguage();
  const monday = mondayOf(date ?? today());
  const days = [0, 1, 2, 3, 4, 5, 6].map((n) => addDays(monday, n));
  const [openId, setOpenId] = useState<string>();
  const planning = usePlanJob(reload);

  const inWeek = data.sessions.items.filter((s) => dateOf(s.start) >= days[0] && dateOf(s.start) <= days[6]);
  const rows = new Map<string, { location: string; group: string; sessions: SessionRecord[] }>();
  for (const session of inWeek) {
    const group = data.groups.get(session.groupId);
    const planned = data.plan.sessions.find((s) => s.id === (session.ref ?? session.id));
    const location = data.locations.get(planned?.locationId ?? group?.locationId ?? '')?.name ?? '';
    const key = `${location}\u0000${group?.name ?? ''}`;
    const row = rows.get(key) ?? { location, group: group?.name ?? '', sessions: [] };
    row.sessions.push(session);
    rows.set(key, row);
  }
  const sorted = [...rows.values()].sort((a, b) =>
    `${a.location}${a.group}`.localeCompare(`${b.location}${b.group}`),
  );
  const open = openId ? data.sessions.get(openId) : undefined;
  const counts = (session: SessionRecord) =>
    data.plan.canCome.sessions.find((s) => s.sessionId === (session.ref ?? session.id));

  return (
    <main className="page wide">
      <h1>
        {texts.weekOf} {weekdayName(monday, language)}
      </h1>
      <div className="toolbar">
        <button type="button" onClick={() => navigate(`/week?date=${addDays(monday, -7)}`)}>
          {texts.previousWeek}
        </button>
        <button type="button" onClick={() => navigate(`/week?date=${addDays(monday, 7)}`)}>
          {texts.nextWeek}
        </button>
        {data.programmes.items.map((programme) => (
          <button
            type="button"
            className="primary"
            key={programme.id}
            disabled={planning.busy}
            onClick={() => planning.start(programme.id)}
          >
            {texts.planAgain}: {programme.name}
          </button>
        ))}
      </div>
      {planning.job && <PlanProgress job={planning.job} />}
      {planning.error && <p className="warning">{planning.error}</p>}
      {sorted.length === 0 ? (
        <p>{texts.noSessions}</p>
      ) : (
        <div className="scroll">
          <table className="calendar">
            <thead>
              <tr>
                <th scope="col">
                  {texts.location} / {texts.group}
                </th>
                {days.map((day) => (
                  <th scope="col" key={day}>
                    {weekdayName(day, language)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {sorted.map((row) => (
                <tr key={`${row.location}/${row.group}`}>
                  <th scope="row">
                    {row.location}
                    <br />
                    <span className="muted">{row.group}</span>
                  </th>
                  {days.map((day) => (
                    <td key={day}>
                      {row.sessions
                        .filter((s) => dateOf(s.start) === day)
                        .map((s) => {
                          const count = counts(s);
                          return (
                            <button
                              type="button"
                              key={s.id}
                              data-session={s.id}
                              className={`slot ${s.status}`}
                              aria-expanded={openId === s.id}
                              onClick={() => setOpenId(openId === s.id ? undefined : s.id)}
                            >
                              {clockOf(s.start)}–{clockOf(s.end)}
                              {s.status === 'cancelled' ? (
                                <span className="badge">✕</span>
                              ) : (
                                count && (
                                  <span className="badge">
                                    {count.canCome}/{count.memberSessions}
                                  </span>
                                )
                              )}
                            </button>
                          );
                        })}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {open && (
        <SessionDetail
          key={open.id}
          data={data}
          session={open}
          onClose={() => setOpenId(undefined)}
          onChanged={reload}
          navigate={navigate}
        />
      )}
    </main>
  );
}
