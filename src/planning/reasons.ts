/**
 * The reasons the planner gives why a woman cannot come, why a child has no care place and why a pickup has no
 * ride: one closed list, each with a code and its English text. The plan, the export and the API carry the text
 * (the plan format's `reason`); the code beside it lets a client say the reason in its own language. Some reasons
 * carry the reason behind them ("not collected: a lesson at that time"): their code joins both with a slash,
 * `not-collected/lesson`.
 */
export const REASON_TEXTS = {
  // What keeps her away whatever care and rides do.
  lesson: 'a lesson at that time',
  'lesson-travel': 'no time to travel from or to a lesson',
  appointment: 'an appointment',
  'reported-absent': 'reported absent',
  // What care and rides leave her without.
  'no-ride-there': 'no ride there',
  'no-ride-back': 'no ride back',
  'no-care-place': 'no care place for a child',
  'child-not-on-board': 'a child booked at the location is not on board',
  'care-near-home-too-short': 'care near home does not cover her time away',
  'care-far-away': 'care far from both home and location',
  // Why no vehicle takes her.
  'vehicle-too-small': 'no vehicle has room for her and her children',
  'ride-limit': 'no vehicle can bring her in time within the ride limit',
  'vehicles-busy': 'the vehicles are on other rides then',
  'vehicles-full': 'all vehicles are full',
  'pickups-in-the-way': 'no vehicle can fit her in between its other pickups within the ride limit',
  'no-vehicle-in-municipality': 'no vehicle collects in her municipality',
  'no-child-seat-in-vehicle': 'no child seat for her children in the vehicle',
  'no-child-seat': 'no child seat for her children',
  'child-without-place': 'a child of hers has no care place',
  'no-position': 'her address has no position',
  // Why a child has no place.
  'no-provider-for-age': 'no provider takes her age',
  'no-care-open': 'no care open then near the location or her home',
  'no-place-in-age-band': 'no place left in her age band',
  'care-closed': 'closed then',
  'care-too-far': 'too far',
  'not-booked-yet': 'not booked yet',
  'sibling-without-place': 'a brother or sister has no place, so her mother cannot come',
  'mother-has-no-ride': 'her mother has no ride',
  'cancelled-by-hand': 'cancelled by hand',
  // Said alone when the other way's reason is not known.
  'no-ride-there-so-none-back': 'no ride there, so none back',
  'no-ride-back-so-none-there': 'no ride back, so none there',
} as const;

export type ReasonCode = keyof typeof REASON_TEXTS;

/** Reasons that say another reason inside them: the text before and after it. */
const WRAPPING = {
  'not-collected': ['not collected: ', ''],
  'mother-cannot-come': ['her mother cannot come: ', ''],
  'no-ride-there-so-none-back': ['no ride there (', '), so none back'],
  'no-ride-back-so-none-there': ['no ride back (', '), so none there'],
} as const;

export type WrappingCode = keyof typeof WRAPPING;

const CODE_OF_TEXT = new Map<string, string>(
  Object.entries(REASON_TEXTS).map(([code, text]) => [text, code]),
);

/** The English text of a reason: a code, or a wrapping code around the text of the reason inside. */
export function reasonText(code: ReasonCode): string;
export function reasonText(code: WrappingCode, inside: string | undefined): string;
export function reasonText(code: ReasonCode | WrappingCode, inside?: string): string {
  if (code in WRAPPING && inside !== undefined) {
    const [before, after] = WRAPPING[code as WrappingCode];
    return `${before}${inside}${after}`;
  }
  return REASON_TEXTS[code as ReasonCode];
}

/**
 * The code of a reason's text, the reasons inside it joined by slashes (`not-collected/lesson`), or `null` for a
 * text not on the list (written by an older version, or by hand).
 */
export function reasonCode(text: string): string | null {
  const plain = CODE_OF_TEXT.get(text);
  if (plain) return plain;
  for (const [code, [before, after]] of Object.entries(WRAPPING)) {
    if (!text.startsWith(before) || !text.endsWith(after) || text.length <= before.length + after.length)
      continue;
    const inside = reasonCode(text.slice(before.length, text.length - after.length));
    if (inside) return `${code}/${inside}`;
  }
  return null;
}

/**
 * Why a child's need was left unmet while her mother stays away for a reason of her own (she cannot come, or
 * has no ride): the child then needs no place, and her mother is told that other reason, not that care is lacking.
 */
const MOTHER_AWAY: ReadonlySet<string> = new Set(['mother-cannot-come', 'mother-has-no-ride']);

/**
 * Whether an unmet need's reason says the plan found no care for the child, so her mother cannot come for want
 * of it. A reason off the list (written by hand, or by an older version) counts as lacking care: better told
 * once too often than a child brought to a place that does not expect her.
 */
export function lacksCare(reason: string): boolean {
  const code = reasonCode(reason);
  return code === null || !MOTHER_AWAY.has(code.split('/')[0]);
}
