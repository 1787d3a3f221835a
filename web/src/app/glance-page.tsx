import { ReactNode } from 'react';
import { CHILDCARE_TEXTS } from './childcare-texts';
import { CONFLICT_TEXTS } from './conflicts-texts';
import { addDays, clockOf, mondayOf, today } from './dates';
import { describer, reasonText } from './describe';
import { MESSAGE_TEXTS } from './messages-texts';
import { RegionData } from './region-plan';
import { useLanguage, usePageTexts, useTexts } from './texts';

interface NeedsProps {
  title: string;
  items: ReactNode[];
  /** The page where she deals with them. */
  open?: { to: string; label: string; navigate: (to: string) => void };
}

function Needs({ title, items, open }: NeedsProps) {
  const texts = useTexts();
  return (
    <section className="card" aria-labelledby={`needs-${title}`}>
      <h3 id={`needs-${title}`}>
        {title} <span className="count">{items.length}</span>
      </h3>
      {items.length === 0 ? <p className="muted">{texts.nothing}</p> : <ul className="plain">{items}</ul>}
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
  const { plan } = data;
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
      <h2>{texts.needsYou}</h2>
      <div className="grid">
        <Needs
          title={texts.conflicts}
          open={{ to: '/conflicts', label: `${texts.open}: ${conflictTexts.menu}`, navigate }}
          items={plan.conflicts.map((c, i) => (
            <li key={i}>
              <strong>{say.participant(c.participantId)}</strong> — {say.session(c.sessionId)}:{' '}
              {texts.conflictWith} {data.languageProviders.get(c.providerId)?.name ?? c.providerId}{' '}
              {clockOf(c.lessonStart)}–{clockOf(c.lessonEnd)}
            </li>
          ))}
        />
        <Needs
          title={texts.childrenWithoutPlace}
          open={{ to: `/care?date=${monday}`, label: `${texts.open}: ${careTexts.menu}`, navigate }}
          items={plan.childcareUnmet.map((u, i) => (
            <li key={i}>
              <strong>{say.child(u.childId, sessionDate(u.sessionId))}</strong> — {say.session(u.sessionId)}:{' '}
              {reasonText(u.reason, language)}
            </li>
          ))}
        />
        <Needs
          title={texts.withoutRide}
          items={plan.unrouted.map((u, i) => (
            <li key={i}>
              <strong>{say.participant(u.participantId)}</strong> — {say.session(u.sessionId)} (
              {u.direction === 'to' ? texts.to : texts.from}): {reasonText(u.reason, language)}
            </li>
          ))}
        />
        <Needs
          title={texts.failedMessages}
          open={{ to: '/messages', label: `${texts.open}: ${messageTexts.menu}`, navigate }}
          items={data.failedMessages.map((m) => (
            <li key={m.id}>
              <strong>{say.participant(m.participantId)}</strong> —{' '}
              {m.sessionId ? say.session(m.sessionId) : m.kind} ({m.channel}): {m.lastError ?? ''}
            </li>
          ))}
        />
      </div>
    </main>
  );
}
