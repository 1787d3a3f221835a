import { ReactNode, useId } from 'react';
import { ADVICE_TEXTS, sayAdvice } from './advice-texts';
import { CHILDCARE_TEXTS } from './childcare-texts';
import { CONFLICT_TEXTS } from './conflicts-texts';
import { addDays, clockOf, mondayOf, today } from './dates';
import { describer } from './describe';
import { sayReason } from './reason-texts';
import { MESSAGE_TEXTS } from './messages-texts';
import { RegionData } from './region-plan';
import { useLanguage, usePageTexts, useTexts } from './texts';

interface NeedsProps<T> {
  title: string;
  items: T[];
  /** One item as a list entry: only those shown are drawn, so a region of thousands costs no more. */
  render: (item: T, index: number) => ReactNode;
  /** The page where she deals with them. */
  open?: { to: string; label: string; navigate: (to: string) => void };
}

/** Items a card lists before it says how many more there are: a region of thousands stays readable. */
const SHOWN = 10;

function Needs<T>({ title, items, render, open }: NeedsProps<T>) {
  const texts = useTexts();
  const language = useLanguage();
  // Not the title: an id with spaces would name the section by three ids that do not exist.
  const heading = useId();
  return (
    <section className="card" aria-labelledby={heading}>
      <h3 id={heading}>
        {title} <span className="count">{items.length}</span>
      </h3>
      {items.length === 0 ? (
        <p className="muted">{texts.nothing}</p>
      ) : (
        <ul className="plain">{items.slice(0, SHOWN).map(render)}</ul>
      )}
      {items.length > SHOWN && (
        <p className="muted">
          {texts.andMore.replace('{n}', (items.length - SHOWN).toLocaleString(language))}
        </p>
      )}
      {open && items.length > 0 && (
        <p>
          <a
            href={open.to}
            onClick={(event) => {
              event.preventDefault();
              open.navigate(open.to);
            }}
          >
            {open.label}
          </a>
        </p>
      )}
    </section>
  );
}

/** The region at a glance: how many women can come, this week and over the programme, and what needs her. */
export function GlancePage({ data, navigate }: { data: RegionData; navigate: (to: string) => void }) {
  const texts = useTexts();
  const language = useLanguage();
  const say = describer(data, texts, language);
  const conflictTexts = usePageTexts(CONFLICT_TEXTS);
  const careTexts = usePageTexts(CHILDCARE_TEXTS);
  const messageTexts = usePageTexts(MESSAGE_TEXTS);
  const adviceTexts = usePageTexts(ADVICE_TEXTS);
  const { plan } = data;
  const atPlanning = plan.canCome.atPlanning ?? [];
  // Each advice with its programme's name: a region may run several, each with its own plan.
  const advice = atPlanning.flatMap((outcome) =>
    outcome.advice.map((item) => ({
      item,
      programme: data.programmes.get(outcome.programmeId)?.name ?? outcome.programmeId,
    })),
  );
  const monday = mondayOf(today());
  const sunday = addDays(monday, 6);
  const thisWeek = new Set(
    plan.sessions
      .filter((s) => s.start.slice(0, 10) >= monday && s.start.slice(0, 10) <= sunday)
      .map((s) => s.id),
  );
  const week = plan.canCome.sessions.filter((s) => thisWeek.has(s.sessionId));
  const weekCanCome = week.reduce((sum, s) => sum + s.canCome, 0);
  const weekMembers = week.reduce((sum, s) => sum + s.memberSessions, 0);
  const sessionDate = (key: string) => plan.sessions.find((s) => s.id === key)?.start.slice(0, 10) ?? today();

  return (
    <main className="page">
      <h1>{texts.glanceTitle}</h1>
      <div className="tiles">
        <p className="tile">
          <strong>{weekCanCome}</strong> {texts.of} {weekMembers} {texts.canComeWeek}
        </p>
        <p className="tile">
          <strong>{plan.canCome.canCome}</strong> {texts.of} {plan.canCome.memberSessions}{' '}
          {texts.canComeProgramme} ({texts.atMost} {plan.canCome.upperBound})
        </p>
      </div>
      {atPlanning.length > 0 && (
        <section className="card" aria-labelledby="advice">
          <h2 id="advice">{adviceTexts.title}</h2>
          <p className="muted">{adviceTexts.intro}</p>
          {advice.length === 0 ? (
            <p>{adviceTexts.none}</p>
          ) : (
            <ul className="plain">
              {advice.map(({ item, programme }, i) => (
                <li key={i} data-advice={item.kind}>
                  <strong>{programme}</strong> —{' '}
                  {sayAdvice(item, language, data.locations.get(item.locationId)?.name ?? item.locationId)}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <h2>{texts.needsYou}</h2>
      <div className="grid">
        <Needs
          title={texts.conflicts}
          open={{ to: '/conflicts', label: `${texts.open}: ${conflictTexts.menu}`, navigate }}
          items={plan.conflicts}
          render={(c, i) => (
            <li key={i}>
              <strong>{say.participant(c.participantId)}</strong> — {say.session(c.sessionId)}:{' '}
              {texts.conflictWith} {data.languageProviders.get(c.providerId)?.name ?? c.providerId}{' '}
              {clockOf(c.lessonStart)}–{clockOf(c.lessonEnd)}
            </li>
          )}
        />
        <Needs
          title={texts.childrenWithoutPlace}
          open={{ to: `/care?date=${monday}`, label: `${texts.open}: ${careTexts.menu}`, navigate }}
          items={plan.childcareUnmet}
          render={(u, i) => (
            <li key={i}>
              <strong>{say.child(u.childId, sessionDate(u.sessionId))}</strong> — {say.session(u.sessionId)}:{' '}
              {sayReason(u.reasonCode, u.reason, language)}
            </li>
          )}
        />
        <Needs
          title={texts.withoutRide}
          items={plan.unrouted}
          render={(u, i) => (
            <li key={i}>
              <strong>{say.participant(u.participantId)}</strong> — {say.session(u.sessionId)} (
              {u.direction === 'to' ? texts.to : texts.from}): {sayReason(u.reasonCode, u.reason, language)}
            </li>
          )}
        />
        <Needs
          title={texts.failedMessages}
          open={{ to: '/messages', label: `${texts.open}: ${messageTexts.menu}`, navigate }}
          items={data.failedMessages}
          render={(m) => (
            <li key={m.id}>
              <strong>{say.participant(m.participantId)}</strong> —{' '}
              {m.sessionId ? say.session(m.sessionId) : m.kind} ({m.channel}): {m.lastError ?? ''}
            </li>
          )}
        />
      </div>
    </main>
  );
}
