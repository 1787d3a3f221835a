import type { ReasonCode, WrappingCode } from '../../../src/planning/reasons';
import type { AppLanguage } from './texts';

/** The planner's reasons in Dutch, by code: a reason added to the planner fails the type check until said here. */
const DUTCH: Record<ReasonCode, string> = {
  lesson: 'een les op dat moment',
  'lesson-travel': 'geen tijd om van of naar een les te reizen',
  appointment: 'een afspraak',
  'reported-absent': 'afgemeld',
  'no-ride-there': 'geen rit heen',
  'no-ride-back': 'geen rit terug',
  'no-care-place': 'geen opvangplek voor een kind',
  'child-not-on-board': 'een kind met opvang op de locatie rijdt niet mee',
  'care-near-home-too-short': 'opvang bij huis dekt niet de hele tijd dat ze weg is',
  'care-far-away': 'opvang ver van huis en van de locatie',
  'vehicle-too-small': 'geen voertuig heeft plaats voor haar en haar kinderen',
  'ride-limit': 'geen voertuig brengt haar op tijd binnen de maximale rittijd',
  'vehicles-busy': 'de voertuigen rijden dan andere ritten',
  'vehicles-full': 'alle voertuigen zijn vol',
  'pickups-in-the-way':
    'geen voertuig kan haar binnen de maximale rittijd tussen zijn andere adressen ophalen',
  'no-vehicle-in-municipality': 'geen voertuig haalt op in haar gemeente',
  'no-child-seat-in-vehicle': 'geen kinderzitje voor haar kinderen in het voertuig',
  'no-child-seat': 'geen kinderzitje voor haar kinderen',
  'child-without-place': 'een kind van haar heeft geen opvangplek',
  'no-position': 'haar adres staat niet op de kaart',
  'no-provider-for-age': 'geen opvang neemt kinderen van deze leeftijd',
  'no-care-open': 'geen opvang open op dat moment bij de locatie of bij huis',
  'no-place-in-age-band': 'geen plek meer in haar leeftijdsgroep',
  'care-closed': 'de opvang is dan dicht',
  'care-too-far': 'te ver weg',
  'not-booked-yet': 'nog niet geboekt',
  'sibling-without-place': 'een broer of zus heeft geen plek, dus haar moeder kan niet komen',
  'mother-has-no-ride': 'haar moeder heeft geen rit',
  'cancelled-by-hand': 'met de hand geannuleerd',
  'no-ride-there-so-none-back': 'geen rit heen, dus ook niet terug',
  'no-ride-back-so-none-there': 'geen rit terug, dus ook niet heen',
};

/** Dutch reasons that say another reason inside them. */
const DUTCH_WRAPPING: Record<WrappingCode, (inside: string) => string> = {
  'not-collected': (inside) => `niet opgehaald: ${inside}`,
  'mother-cannot-come': (inside) => `haar moeder kan niet komen: ${inside}`,
  'no-ride-there-so-none-back': (inside) => `geen rit heen (${inside}), dus ook niet terug`,
  'no-ride-back-so-none-there': (inside) => `geen rit terug (${inside}), dus ook niet heen`,
};

/**
 * A reason of the plan in the coordinator's language: said from its code (`not-collected/lesson` is "niet
 * opgehaald: een les op dat moment"). The planner's text is English already; a reason without a known code
 * (stored by an older version) keeps it.
 */
export function sayReason(code: string | null | undefined, text: string, language: AppLanguage): string {
  if (language !== 'nl' || !code) return text;
  const parts = code.split('/');
  const innermost = DUTCH[parts[parts.length - 1] as ReasonCode];
  if (innermost === undefined) return text;
  let said = innermost;
  for (const part of parts.slice(0, -1).reverse()) {
    const wrap = DUTCH_WRAPPING[part as WrappingCode];
    if (!wrap) return text;
    said = wrap(said);
  }
  return said;
}
