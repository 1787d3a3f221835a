import { JointPlan, JointSession, Verdict } from './model';

/** Other orders of a date's sessions tried, by default, after the order of their start times. */
export const DAY_ORDER_TRIALS = 3;

const canComeOf = (plan: JointPlan) => plan.verdicts.filter((verdict) => verdict.canCome).length;
const driveOf = (plan: JointPlan) => plan.rides.reduce((sum, ride) => sum + ride.driveMinutes, 0);

/**
 * The plan of one date's sessions in the order that lets most women come, then drives least. The sessions of a
 * date share its care places and vehicles, and the first planned takes first: by start time, a morning group's
 * rides home can take the vehicles that a group starting soon after needed to be brought at all, where the
 * rides home could have waited for them. So after the order of the start times, up to `trials` other orders
 * are tried, each moving one session that lost women to care or rides (`lost`) to the front, most lost first
 * (ties by the first order); a better order is kept and the next move starts from it. Ties keep the earlier order.
 */
export function planDate(
  sessions: JointSession[],
  planInOrder: (order: JointSession[]) => JointPlan,
  lost: (verdict: Verdict) => boolean,
  trials: number,
): JointPlan {
  let order = sessions;
  let best = planInOrder(order);
  const key = (sessionsInOrder: JointSession[]) => sessionsInOrder.map((session) => session.id).join('|');
  const tried = new Set([key(order)]);
  for (let trial = 0; trial < trials && sessions.length > 1; trial++) {
    const losses = new Map<string, number>();
    for (const verdict of best.verdicts)
      if (lost(verdict)) losses.set(verdict.sessionId, (losses.get(verdict.sessionId) ?? 0) + 1);
    const moves = order
      .slice(1)
      .filter((session) => losses.has(session.id))
      .sort((a, b) => losses.get(b.id)! - losses.get(a.id)! || sessions.indexOf(a) - sessions.indexOf(b))
      .map((session) => [session, ...order.filter((other) => other !== session)])
      .filter((move) => !tried.has(key(move)));
    if (moves.length === 0) break;
    tried.add(key(moves[0]));
    const plan = planInOrder(moves[0]);
    const gain = canComeOf(plan) - canComeOf(best);
    if (gain > 0 || (gain === 0 && driveOf(plan) < driveOf(best))) {
      best = plan;
      order = moves[0];
    }
  }
  return best;
}
