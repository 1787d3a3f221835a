import { JointInput, JointPlan, JointSession } from './model';
import { planCareAndRides } from './plan-care-and-rides';

/** What makes a session what it is to the plan of its date. */
const keyOf = (session: JointSession) =>
  JSON.stringify([
    session.id,
    session.groupId,
    session.locationId,
    session.start,
    session.end,
    [...session.memberIds].sort(),
    [...session.blocked].sort(),
    [...(session.online ?? [])].sort(),
    [...(session.carPooled ?? [])].sort(),
    session.outing ?? null,
  ]);

/**
 * planCareAndRides that remembers the dates it planned. Each date is planned on its own (its care places and
 * vehicle time are its own, its routing seeded alike), so a date whose sessions are the same as before gets the
 * same plan: the slot search judges plans that differ in one group's time, and most of their dates were planned
 * before. Every call must pass the same input but for its sessions (one region, one seed and effort).
 */
export function rememberingDates(
  plan: (input: JointInput) => JointPlan = planCareAndRides,
): (input: JointInput) => JointPlan {
  const planned = new Map<string, JointPlan>();
  return (input) => {
    const byDate = new Map<string, JointSession[]>();
    for (const session of input.sessions)
      byDate.set(session.date, [...(byDate.get(session.date) ?? []), session]);
    const keys = new Map(
      [...byDate].map(([date, sessions]) => [date, `${date}|${sessions.map(keyOf).sort().join()}`]),
    );
    const unplanned = [...byDate].filter(([date]) => !planned.has(keys.get(date)!));
    if (unplanned.length > 0) {
      const planOfDates = plan({ ...input, sessions: unplanned.flatMap(([, sessions]) => sessions) });
      const dateOf = new Map(unplanned.flatMap(([date, sessions]) => sessions.map((s) => [s.id, date])));
      for (const [date] of unplanned) {
        const ofDate = <T extends { sessionId: string }>(items: T[]) =>
          items.filter((item) => dateOf.get(item.sessionId) === date);
        planned.set(keys.get(date)!, {
          bookings: ofDate(planOfDates.bookings),
          unmet: ofDate(planOfDates.unmet),
          rides: ofDate(planOfDates.rides),
          unrouted: ofDate(planOfDates.unrouted),
          verdicts: ofDate(planOfDates.verdicts),
        });
      }
    }
    const dates = [...byDate.keys()].sort();
    const plans = dates.map((date) => planned.get(keys.get(date)!)!);
    return {
      bookings: plans.flatMap((one) => one.bookings),
      unmet: plans.flatMap((one) => one.unmet),
      rides: plans.flatMap((one) => one.rides),
      unrouted: plans.flatMap((one) => one.unrouted),
      verdicts: plans.flatMap((one) => one.verdicts),
    };
  };
}
