import type { Advice } from '../../../src/planning/joint/advice-model';
import { CHILDCARE_TEXTS } from './childcare-texts';
import { ageInWords, isoWeekdayName } from './dates';
import type { AppLanguage } from './texts';

/** The words of the advice on the overview: what one resource more would let come, in her language. */
export const ADVICE_TEXTS = {
  nl: {
    title: 'Wat meer vrouwen laat komen',
    intro: 'Gevonden bij het laatste plan van elk programma, door opnieuw te plannen met één ding erbij.',
    none: 'Geen advies: één busje of een paar opvangplekken meer verandert niets.',
  },
  en: {
    title: 'What would let more women come',
    intro: 'Found at the last plan of each programme, by planning again with one thing more.',
    none: 'No advice: one more vehicle or a few more care places would change nothing.',
  },
};

/**
 * One advice as a sentence in her language, from its fields; an advice stored before they existed keeps its
 * English text.
 */
export function sayAdvice(advice: Advice, language: AppLanguage, place: string): string {
  const day = isoWeekdayName(advice.weekday, language);
  const number = (value: number) => value.toLocaleString(language);
  const nl = language === 'nl';
  const gain = nl
    ? `${number(advice.perWeek)} ${advice.perWeek === 1 ? 'vrouw' : 'vrouwen'} meer per week ` +
      `(${number(advice.more)} keer over het hele programma)`
    : `${number(advice.perWeek)} more ${advice.perWeek === 1 ? 'woman' : 'women'} each week ` +
      `(${number(advice.more)} member-session${advice.more === 1 ? '' : 's'} over the whole programme)`;
  if (advice.kind === 'vehicle' && advice.vehicle) {
    const { seats, childSeats, from, to } = advice.vehicle;
    return nl
      ? `Eén busje met ${seats} zitplaatsen (${childSeats} kinderzitjes) op ${day} ${from}–${to} rond ${place}: ${gain}.`
      : `One ${seats}-seat vehicle (${childSeats} child seats) on ${day} ${from}–${to} around ${place}: ${gain}.`;
  }
  if (advice.kind === 'care' && advice.care) {
    const { places, minAgeMonths, maxAgeMonths, from, to } = advice.care;
    const youngest = ageInWords(minAgeMonths, CHILDCARE_TEXTS[language]);
    const oldest = ageInWords(maxAgeMonths, CHILDCARE_TEXTS[language]);
    const ages =
      youngest === oldest
        ? `${nl ? 'van' : 'of'} ${youngest}`
        : `${nl ? 'van' : 'from'} ${youngest} ${nl ? 'tot' : 'to'} ${oldest}`;
    const when = from && to ? `${day} ${from}–${to}` : day;
    return nl
      ? `${places} opvangplekken meer voor kinderen ${ages} bij of vlak bij ${place} op ${when}: ${gain}.`
      : `${places} more care places for children ${ages} at or near ${place} on ${when}: ${gain}.`;
  }
  return advice.text;
}
