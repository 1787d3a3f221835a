/** One group's member-sessions free of lessons and appointments: all, those judged, and who could come of those. */
export interface JudgedGroup {
  free: number;
  judged: number;
  canCome: number;
}

/**
 * The member-sessions she could come to over the whole programme, estimated from a plan of care and rides for
 * some of its weeks: each group's share of who could come then, of the women free of lessons and appointments
 * then, times its free member-sessions over the whole programme (its lessons and appointments are known for every
 * date; care and rides are what costs a plan). A group with nobody judged takes the share of all groups.
 */
export function estimatedCanCome(groups: JudgedGroup[]): number {
  const judged = groups.reduce((sum, group) => sum + group.judged, 0);
  const overall = judged > 0 ? groups.reduce((sum, group) => sum + group.canCome, 0) / judged : 0;
  return groups.reduce(
    (sum, group) => sum + group.free * (group.judged > 0 ? group.canCome / group.judged : overall),
    0,
  );
}
