import { clockTime } from '../../../planning/time/wall-clock';
import { TalkEntry } from '../../talks/talk-feeds.service';
import { MessageTexts, TextPart } from '../../reminders/message-texts';
import { CalendarEvent } from '../ical/calendar-event';
import { SLOW_REFRESH_NOTE } from './feed-window';

/** Her talk in her language: with whom, when and where. */
export function participantTalkEvent(
  talk: TalkEntry,
  zone: string,
  texts: MessageTexts,
  language: string,
): CalendarEvent {
  const values = {
    who: talk.words.who,
    start: clockTime(talk.start, zone),
    end: clockTime(talk.end, zone),
    where: talk.words.where,
  };
  const lines: TextPart[] = [{ key: 'feed.talk', values }, { key: 'feed.slowRefresh' }];
  return {
    uid: `talk-${talk.id}@trefpunt`,
    start: talk.start,
    end: talk.end,
    summary: texts.line(language, 'feed.talkTitle', { who: talk.words.who }),
    description: texts.write(language, lines, '\n').text,
    location: talk.words.place,
    status: 'CONFIRMED',
  };
}

/** A talk in the feed of a staff member who must be there (in Dutch, as staff feeds are): her first name, where. */
export function staffTalkEvent(
  talk: TalkEntry,
  participant: { firstName: string; address: string } | undefined,
  zone: string,
): CalendarEvent {
  const who = participant?.firstName ?? 'deelnemer';
  const what = talk.kind === 'closing' ? 'Afsluitend gesprek' : 'Gesprek';
  const place = talk.atHome ? `bij ${who} thuis, ${participant?.address ?? ''}` : talk.words.place;
  return {
    uid: `talk-${talk.id}@trefpunt`,
    start: talk.start,
    end: talk.end,
    summary: `${what} met ${who}`,
    description: [
      `${what} met ${who} (met ${talk.words.who}), ${clockTime(talk.start, zone)}–${clockTime(talk.end, zone)}, ${place}.`,
      SLOW_REFRESH_NOTE,
    ].join('\n'),
    location: place,
    status: 'CONFIRMED',
  };
}
