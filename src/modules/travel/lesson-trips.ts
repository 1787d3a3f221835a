import { Position } from '../../planning/travel/offline-travel';
import type { LookupGroup } from './travel-times.service';

/**
 * The trips between lessons and session places that judging a session time needs: both ways by road for every
 * woman, and by public transport too for the lessons of women who take the bus. One list for every module that
 * judges times (the slot planner, conflict detection, group proposals), so that each asks Google the same.
 */
export function lessonTrips(
  lessons: { participantId: string; position: Position }[],
  byBus: ReadonlySet<string>,
  sessionPlaces: Position[],
): LookupGroup[] {
  const lessonPlaces = lessons.map((lesson) => lesson.position);
  const busLessonPlaces = lessons
    .filter((lesson) => byBus.has(lesson.participantId))
    .map((lesson) => lesson.position);
  return [
    [lessonPlaces, sessionPlaces],
    [sessionPlaces, lessonPlaces],
    [busLessonPlaces, sessionPlaces, 'transit'],
    [sessionPlaces, busLessonPlaces, 'transit'],
  ];
}
