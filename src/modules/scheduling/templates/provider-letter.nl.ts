import { DateTime } from 'luxon';
import type { ConflictingSessionDto, ProviderConflictsDto } from '../dto/provider-conflicts.dto';

/**
 * The letter a coordinator sends a taalaanbieder's planning desk about lessons that clash with the training:
 * plain Dutch at level B1 (short sentences, common words, one idea per sentence). Edit the wording here; the
 * structure (opening, why, one block per woman, the question, closing) is what the e2e test checks.
 */

/** How many of the best single moves the letter names. */
const MOVES_NAMED = 3;

const WEEKDAYS = ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'];

const weekday = (isoWeekday: number) => WEEKDAYS[isoWeekday - 1] ?? `dag ${isoWeekday}`;

/** `11 januari 2027`: day and month in words, so that nobody reads 01-11 as 1 November. */
const longDate = (date: string) => DateTime.fromISO(date).setLocale('nl').toFormat('d LLLL yyyy');

const whoShe = (person: { name: string; ref: string | null }) =>
  person.ref ? `${person.name} (nummer ${person.ref})` : person.name;

const list = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} en ${items.at(-1)}`;

const why = (session: Pick<ConflictingSessionDto, 'kind' | 'overlapMinutes'>) =>
  session.kind === 'overlap'
    ? `de les en de training zijn tegelijk (${session.overlapMinutes} minuten)`
    : 'er is te weinig tijd om te reizen tussen de les en de training';

const period = (from: string | null, to: string | null) =>
  from && to ? `van ${longDate(from)} tot en met ${longDate(to)}` : 'in de geplande periode';

/** Sessions of one lesson, put together when they are at the same weekly time for the same reason. */
function sessionLines(sessions: ConflictingSessionDto[]): string[] {
  const together = new Map<string, ConflictingSessionDto[]>();
  for (const session of sessions) {
    const day = DateTime.fromISO(session.date).weekday;
    const key = `${day}|${session.start}|${session.end}|${session.kind}|${session.overlapMinutes}`;
    together.set(key, [...(together.get(key) ?? []), session]);
  }
  return [...together.values()].map((same) => {
    const first = same[0];
    const day = weekday(DateTime.fromISO(first.date).weekday);
    const dates = list(same.map((session) => longDate(session.date)));
    return (
      `   - Training op ${day} van ${first.start} tot ${first.end} uur, op ${dates}.\n` +
      `     Reden: ${why(first)}.`
    );
  });
}

/** The coordinator who sends the letter: her name and how the planning desk reaches her. */
export interface LetterSigner {
  name: string;
  phone: string | null;
  email: string;
  /** What she works for: `gemeente Berkelland`, or `regio Achterhoek`. */
  area: string;
}

/** A signature with blanks to fill in by hand, when nobody signed in asks for the letter (a script's token). */
const BLANK_SIGNATURE = [
  '[naam van de coördinator]',
  'Coördinator training vrouwen in de inburgering, gemeente [naam gemeente]',
  '[telefoonnummer] | [e-mailadres]',
];

const signature = (signer: LetterSigner) => [
  signer.name,
  `Coördinator training vrouwen in de inburgering, ${signer.area}`,
  signer.phone ? `${signer.phone} | ${signer.email}` : signer.email,
];

export function providerLetterNl(report: ProviderConflictsDto, signer?: LetterSigner): string {
  const { provider, participants, bestMoves } = report;
  const lines: string[] = [
    `Aan: ${provider.name}, afdeling planning en roosters`,
    ...(provider.email ? [`E-mail: ${provider.email}`] : []),
    `Onderwerp: lestijden van cursisten en de training voor vrouwen in de inburgering`,
    '',
    'Beste planner,',
    '',
    'De gemeente organiseert een training voor vrouwen in de inburgering. De vrouwen komen regelmatig samen ' +
      'in een groep, dicht bij huis. Als het nodig is, regelen wij kinderopvang en vervoer.',
    '',
    'De taalles is belangrijk. Daarom plannen wij de training rond de lessen van de vrouwen. Dat lukt niet ' +
      'altijd. Hieronder staan uw cursisten bij wie een les botst met de training, ' +
      `${period(report.from, report.to)}.`,
  ];

  if (participants.length === 0) {
    lines.push(
      '',
      'Op dit moment botst geen enkele les bij u met de training. U hoeft niets te doen. Dank u wel voor de ' +
        'goede samenwerking.',
    );
  } else {
    lines.push('', 'Welke lessen botsen?');
    participants.forEach((participant, index) => {
      lines.push('', `${index + 1}. ${whoShe(participant)}`);
      for (const lesson of participant.lessons) {
        lines.push(
          `   Les bij u: elke ${weekday(lesson.weekday)} van ${lesson.from} tot ${lesson.to} uur ` +
            `(van ${longDate(lesson.validFrom)} tot en met ${longDate(lesson.validTo)}).`,
          ...sessionLines(lesson.sessions),
        );
      }
    });

    lines.push(
      '',
      'Onze vraag',
      '',
      'Kunnen deze lessen naar een ander moment gaan? Dan kunnen de vrouwen naar de les én naar de training.',
    );
    const named = bestMoves.slice(0, MOVES_NAMED);
    if (named.length > 0) {
      lines.push(
        named.length === 1 ? 'Deze wijziging helpt het meest:' : 'Deze wijzigingen helpen het meest:',
      );
      for (const move of named) {
        lines.push(
          `- De les van ${whoShe(move)} op ${weekday(move.weekday)} van ${move.from} tot ${move.to} uur. ` +
            `Dan kan zij ${move.attendable} keer extra naar de training komen.`,
        );
      }
    }
    lines.push(
      '',
      'Kan een les niet anders? Laat het ons dan ook weten. Dan zoeken wij samen met u een andere oplossing.',
    );
  }

  lines.push(
    '',
    'Heeft u vragen? Neem dan gerust contact met mij op.',
    '',
    'Met vriendelijke groet,',
    '',
    ...(signer ? signature(signer) : BLANK_SIGNATURE),
    '',
  );
  return lines.join('\n');
}
