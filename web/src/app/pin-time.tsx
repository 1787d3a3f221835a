import { useEffect, useState } from 'react';
import { api } from './api';
import { clockOf, dateOf, isoWeekdayName, isoWeekdayOf } from './dates';
import { SessionRecord } from './region-plan';
import { useLanguage, usePageTexts } from './texts';

interface PinnedTime {
  weekday: number;
  start: string;
}

const TEXTS = {
  nl: {
    title: 'Vaste tijd',
    pinnedAt: 'Vastgezet: elke {weekday} om {start}. Opnieuw plannen houdt deze tijd.',
    notPinned: 'Niet vastgezet: opnieuw plannen mag de tijd op {weekday} kiezen.',
    pin: 'Zet {weekday} {start} vast',
    unpin: 'Maak {weekday} los',
    pinned: 'Vastgezet.',
    unpinned: 'Losgemaakt.',
  },
  en: {
    title: 'Pinned time',
    pinnedAt: 'Pinned: every {weekday} at {start}. Planning again keeps this time.',
    notPinned: 'Not pinned: planning again may choose the time on {weekday}.',
    pin: 'Pin {weekday} {start}',
    unpin: 'Unpin {weekday}',
    pinned: 'Pinned.',
    unpinned: 'Unpinned.',
  },
};

const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');

/**
 * The weekly time of a session's group pinned by hand (`PUT /groups/{id}/pinned-slots`): planning again keeps it.
 * Pins on other weekdays of the group stay as they are.
 */
export function PinTime({ session }: { session: SessionRecord }) {
  const texts = usePageTexts(TEXTS);
  const language = useLanguage();
  const [slots, setSlots] = useState<PinnedTime[]>();
  const [message, setMessage] = useState<string>();
  const path = `/groups/${encodeURIComponent(session.groupId)}/pinned-slots`;
  const weekday = isoWeekdayOf(dateOf(session.start));
  const start = clockOf(session.start);
  const values = { weekday: isoWeekdayName(weekday, language), start };

  useEffect(() => {
    api<{ slots: PinnedTime[] }>(path).then(
      (answer) => setSlots(answer.slots),
      (error: Error) => setMessage(error.message),
    );
  }, [path]);

  if (!slots) return message ? <p className="warning">{message}</p> : null;
  const others = slots.filter((slot) => slot.weekday !== weekday);
  const mine = slots.find((slot) => slot.weekday === weekday);
  const replace = (next: PinnedTime[], done: string) =>
    api<{ slots: PinnedTime[] }>(path, { method: 'PUT', body: { slots: next } }).then(
      (answer) => {
        setSlots(answer.slots);
        setMessage(done);
      },
      (error: Error) => setMessage(error.message),
    );

  return (
    <section aria-labelledby="pin-title">
      <h3 id="pin-title">{texts.title}</h3>
      <p data-pinned={mine ? mine.start : ''}>
        {mine ? fill(texts.pinnedAt, { ...values, start: mine.start }) : fill(texts.notPinned, values)}
      </p>
      <div className="toolbar">
        {mine?.start !== start && (
          <button type="button" onClick={() => void replace([...others, { weekday, start }], texts.pinned)}>
            {fill(texts.pin, values)}
          </button>
        )}
        {mine && (
          <button type="button" onClick={() => void replace(others, texts.unpinned)}>
            {fill(texts.unpin, values)}
          </button>
        )}
      </div>
      {message && <p role="status">{message}</p>}
    </section>
  );
}
