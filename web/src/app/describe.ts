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
