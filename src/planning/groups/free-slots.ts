import { lessonClash } from '../scheduling/attendance';
import { LessonInput, SchedulingPolicy, WeeklySlot, WeeklyWindow } from '../scheduling/model';
import { candidateTimes, covers, inMinutes } from '../scheduling/slot-options';
import { toMinutes, toTimeOfDay } from '../time/calendar';
import { Position } from '../travel/offline-travel';
import { TravelMinutes, TravelMode } from '../travel/travel-mode';

export interface FreeSlotsInput {
  policy: SchedulingPolicy;
  /** The programme's first day: lessons that end before it are in nobody's way. */
  startDate: string;
  durationMinutes: number;
  locations: { id: string; position: Position; openingHours: WeeklyWindow[] }[];
  /** `travelMode`: how she travels on her own (`travelModeOf` her transport); by road when not given. */
  women: { id: string; lessons: LessonInput[]; travelMode?: TravelMode }[];
  travelMinutes: TravelMinutes;
}

export interface FreeSlots {
  /** Every weekly time the policy allows at which at least one of the locations is open. */
  slots: WeeklySlot[];
  /** free[woman][location][slot]: the location is open then and none of her lessons is in the way. */
  free: boolean[][][];
}

/**
 * Which weekly times each woman is free of lessons at each location, judged as the slot planner judges them: the
 * same candidate times and opening hours (`candidateTimes`, `covers`), and `lessonClash` with her travel mode (an
 * overlap, or too little time to travel between the lesson and the location her way). One-off appointments are
 * left out: they do not decide which group she belongs in.
 */
export function freeSlots(input: FreeSlotsInput): FreeSlots {
  const { policy, durationMinutes } = input;
  const opening = input.locations.map((location) => inMinutes(location.openingHours));
  const slots: WeeklySlot[] = [];
  for (const { weekday, start } of candidateTimes({ policy, programme: { durationMinutes } }, {})) {
    const slot = { weekday, start, end: start + durationMinutes };
    if (opening.some((hours) => covers(hours, slot))) slots.push(slot);
  }
  const rules = { travelBufferMinutes: policy.travelBufferMinutes, travelMinutes: input.travelMinutes };
  const free = input.women.map((woman) => {
    const lessons = woman.lessons
      .filter((lesson) => lesson.validTo >= input.startDate)
      .map((lesson) => ({ lesson, from: toMinutes(lesson.from), to: toMinutes(lesson.to) }));
    return input.locations.map((location, l) =>
      slots.map(
        (slot) =>
          covers(opening[l], slot) &&
          !lessons.some(
            ({ lesson, from, to }) =>
              lesson.weekday === slot.weekday &&
              lessonClash(
                from,
                to,
                lesson.position,
                { ...slot, position: location.position },
                rules,
                woman.travelMode,
              ) !== undefined,
          ),
      ),
    );
  });
  return { slots, free };
}

/**
 * The weekly times at which the most of these women (indices into `free`) are free at a location, best first (then
 * by weekday and time), at most `limit`, with wall-clock times.
 */
export function bestTimes(
  { slots, free }: FreeSlots,
  women: number[],
  location: number,
  limit = 3,
): { weekday: number; start: string; end: string; free: number }[] {
  return slots
    .map((slot, s) => ({ slot, free: women.filter((w) => free[w][location][s]).length }))
    .filter((time) => time.free > 0)
    .sort((a, b) => b.free - a.free || a.slot.weekday - b.slot.weekday || a.slot.start - b.slot.start)
    .slice(0, limit)
    .map(({ slot, free }) => ({
      weekday: slot.weekday,
      start: toTimeOfDay(slot.start),
      end: toTimeOfDay(slot.end),
      free,
    }));
}
