import { ageOn, clockOf, dateOf, weekdayName } from './dates';
import { RegionData } from './region-plan';
import { AppLanguage, Texts } from './texts';

/** Names and dates instead of ids: how the pages speak of the records of a plan. */
export function describer(data: RegionData, texts: Texts, language: AppLanguage) {
  const participant = (key: string) => data.participants.get(key)?.name ?? key;
  const session = (key: string) => {
    const planned = data.plan.sessions.find((item) => item.id === key);
    const record = data.sessions.get(key);
    const start = planned?.start ?? record?.start;
    const group = data.groups.get(planned?.groupId ?? record?.groupId ?? '')?.name ?? '';
    return start ? `${group}, ${weekdayName(dateOf(start), language)} ${clockOf(start)}` : key;
  };
  const child = (key: string, on: string) => {
    const found = data.children.get(key);
    const mother = found ? participant(found.participantId) : '';
    const age = found ? `, ${ageOn(found.birthDate, on)} ${texts.years}` : '';
    return `${texts.child} ${mother ? `(${mother})` : ''}${age}`;
  };
  return { participant, session, child };
}

/** The reasons the planner gives, in the coordinator's language where known. */
const DUTCH_REASONS: Record<string, string> = {
  'no ride there': 'geen rit heen',
  'no ride back': 'geen rit terug',
  'no care place for a child': 'geen opvangplek voor een kind',
  'a child booked at the location is not on board': 'een kind met opvang op de locatie rijdt niet mee',
  'care near home does not cover her time away': 'opvang bij huis dekt niet de hele tijd dat ze weg is',
  'care far from both home and location': 'opvang ver van huis en van de locatie',
  'fleet-full': 'alle voertuigen vol',
  'no-vehicle-fits': 'geen voertuig past',
  'time-window': 'past niet in de tijd',
};

export const reasonText = (reason: string, language: AppLanguage): string =>
  language === 'nl' ? (DUTCH_REASONS[reason] ?? reason) : reason.replace(/-/g, ' ');
