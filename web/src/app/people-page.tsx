import { useEffect, useState } from 'react';
import { all, api } from './api';
import { addDays, clockOf, dateOf, today, weekdayName } from './dates';
import { describer } from './describe';
import { sayReason } from './reason-texts';
import { PEOPLE_TEXTS } from './people-texts';
import { QrCode } from './qr-code';
import { Participant, RegionData } from './region-plan';
import { useLanguage, usePageTexts, useTexts } from './texts';

interface Props {
  data: RegionData;
  selected: string | null;
  reload: () => void;
  navigate: (to: string) => void;
}

/** Finding a participant, and her page: her week, her language and channel, her links, and erasure. */
export function PeoplePage({ data, selected, reload, navigate }: Props) {
  const texts = usePageTexts(PEOPLE_TEXTS);
  const [search, setSearch] = useState('');
  const [erased, setErased] = useState<string>();
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  const digits = search.replace(/\D/g, '');
  const found = data.participants.items
    .filter((p) => {
      const text = `${p.name} ${p.ref ?? ''}`.toLowerCase();
      return words.every((word) => text.includes(word)) || (digits.length >= 4 && p.phone.includes(digits));
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  const person = selected ? data.participants.get(selected) : undefined;

  return (
    <main className="page">
      <h1>{texts.title}</h1>
      {erased && <p role="status">{erased}</p>}
      <div className="people">
        <div>
          <label className="stack">
            {texts.search}
            <input type="search" value={search} onChange={(event) => setSearch(event.target.value)} />
          </label>
          <p className="muted" aria-live="polite">
            {found.length} {texts.found}
          </p>
          {found.length === 0 ? (
            <p>{texts.noneFound}</p>
          ) : (
            <ul className="plain">
              {found.slice(0, 50).map((p) => (
                <li key={p.id}>
                  <a
                    href={`/people?id=${p.id}`}
                    aria-current={p.id === person?.id ? 'true' : undefined}
                    onClick={(event) => {
                      event.preventDefault();
                      navigate(`/people?id=${p.id}`);
                    }}
                  >
                    {p.name}
                  </a>{' '}
                  {p.ref && <span className="muted">({p.ref})</span>}
                </li>
              ))}
            </ul>
          )}
        </div>
        {person && (
          <Person
            key={person.id}
            data={data}
            person={person}
            onErased={() => {
              setErased(`${person.name} ${texts.erased}`);
              navigate('/people');
              reload();
            }}
          />
        )}
      </div>
    </main>
  );
}

/** One participant: who she is, her week, her links and her erasure. */
function Person({ data, person, onErased }: { data: RegionData; person: Participant; onErased: () => void }) {
  const texts = usePageTexts(PEOPLE_TEXTS);
  const common = useTexts();
  const language = useLanguage();
  const say = describer(data, common, language);
  const [groupIds, setGroupIds] = useState<string[]>();
  const [links, setLinks] = useState<{ personal: string; calendar: string }>();
  const [message, setMessage] = useState<string>();
  // Her coming seven days: what a coordinator on the phone with her wants to know.
  const first = today();
  const last = addDays(first, 6);
  const planKey = data.participants.planKey(person);
  const languageName = new Intl.DisplayNames([language], { type: 'language' }).of(person.language);

  useEffect(() => {
    all<{ id: string }>(`/groups?participant=${person.id}`).then(
      (groups) => setGroupIds(groups.map((g) => g.id)),
      (failure: Error) => setMessage(failure.message),
    );
  }, [person.id]);

  const makeLinks = () => {
    if (!window.confirm(texts.confirmLinks)) return;
    api<{ personal: string; calendar: string }>(`/participants/${person.id}/links`).then(
      setLinks,
      (failure: Error) => setMessage(failure.message),
    );
  };
  const erase = () => {
    if (!window.confirm(texts.confirmErase.replace('{name}', person.name))) return;
    api(`/participants/${person.id}/erase`, { method: 'POST' }).then(onErased, (failure: Error) =>
      setMessage(failure.message),
    );
  };

  const week = data.sessions.items
    .filter((s) => groupIds?.includes(s.groupId) && dateOf(s.start) >= first && dateOf(s.start) <= last)
    .sort((a, b) => a.start.localeCompare(b.start));
  const situation = (key: string) => {
    const blocked = data.plan.canCome.cannotCome.find(
      (c) => c.sessionId === key && c.participantId === planKey,
    );
    const care = data.plan.childcare.filter((c) => c.sessionId === key && c.participantId === planKey);
    const pickup = data.plan.routes
      .filter((r) => r.sessionId === key && r.direction === 'to')
      .flatMap((r) =>
        r.stops.filter((stop) => stop.participantId === planKey).map((stop) => ({ r, stop })),
      )[0];
    return [
      blocked
        ? `${common.cannotCome}: ${blocked.reasons.map((r, i) => sayReason(blocked.reasonCodes[i], r, language)).join(', ')}`
        : common.canCome,
      ...care.map((c) => `${common.care}: ${data.childcareProviders.get(c.providerId)?.name ?? ''}`),
      pickup
        ? `${common.pickup} ${clockOf(pickup.stop.time)}, ${data.vehicles.get(pickup.r.vehicleId)?.name ?? ''}`
        : '',
    ]
      .filter(Boolean)
      .join(' · ');
  };

  return (
    <section className="card" aria-labelledby="person-name" data-person={person.id}>
      <h2 id="person-name">{person.name}</h2>
      {message && <p role="status">{message}</p>}
      <dl className="facts">
        <dt>{texts.language}</dt>
        <dd>
          {languageName} ({person.language})
        </dd>
        <dt>{texts.channel}</dt>
        <dd>{texts.channels[person.reminderChannel] ?? person.reminderChannel}</dd>
        <dt>{texts.transport}</dt>
        <dd>{texts.transports[person.transport] ?? person.transport}</dd>
        <dt>{texts.phone}</dt>
        <dd>{person.phone}</dd>
        {person.email && (
          <>
            <dt>{texts.email}</dt>
            <dd>{person.email}</dd>
          </>
        )}
      </dl>
      <h3>{texts.herWeek}</h3>
      {!groupIds ? (
        <p>{common.loading}</p>
      ) : week.length === 0 ? (
        <p>{texts.noSessions}</p>
      ) : (
        <ul className="plain">
          {week.map((s) => (
            <li key={s.id} data-session={s.id}>
              <strong>
                {weekdayName(dateOf(s.start), language)} {clockOf(s.start)}–{clockOf(s.end)}
              </strong>{' '}
              {say.session(s.ref ?? s.id).split(',')[0]}: {situation(s.ref ?? s.id)}
            </li>
          ))}
        </ul>
      )}
      <h3>{texts.links}</h3>
      <p className="muted">{texts.linksIntro}</p>
      {links ? (
        <div className="stack">
          <label className="stack">
            {texts.personalLink}
            <input readOnly value={links.personal} onFocus={(event) => event.target.select()} />
          </label>
          <QrCode
            text={links.personal}
            label={`${texts.qrOf} ${texts.personalLink.toLowerCase()}: ${links.personal}`}
          />
          <label className="stack">
            {texts.calendarLink}
            <input readOnly value={links.calendar} onFocus={(event) => event.target.select()} />
          </label>
          <p className="muted">{texts.qrNote}</p>
        </div>
      ) : (
        <button type="button" onClick={makeLinks}>
          {texts.makeLinks}
        </button>
      )}
      <h3>{texts.erase}</h3>
      <p className="muted">{texts.eraseIntro}</p>
      <button type="button" className="danger" onClick={erase}>
        {texts.erase}
      </button>
    </section>
  );
}
