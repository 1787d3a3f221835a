/**
 * The childcare rules of a plan (docs/scenario-format.md, "A plan is valid when"), written again from that text
 * for the tests, apart from the planner's own code: each booking covers its session and lies within the
 * provider's opening hours; no band holds more children at once than its places on any date; no child is booked
 * twice for a session; and every child who needs care (under 4; 4 to 12 outside school hours or on a day without
 * school) of a mother who can attend is booked or listed unmet.
 */
interface Window {
  weekday: number;
  from: string;
  to: string;
}
interface Scenario {
  schoolHours: Window[];
  closedDates: { from: string; to: string }[];
  participants: { id: string; children: { id: string; birthDate: string; careByPartner: boolean }[] }[];
  childcareProviders: {
    id: string;
    openingHours: Window[];
    places: { minAgeMonths: number; maxAgeMonths: number; capacity: number }[];
  }[];
  programme: { groups: { id: string; participantIds: string[] }[] };
}
interface Plan {
  sessions: { id: string; groupId: string; start: string; end: string }[];
  absentByConflict: { participantId: string; sessionId: string }[];
  childcare: {
    childId: string;
    participantId: string;
    sessionId: string;
    providerId: string;
    from: string;
    to: string;
  }[];
  childcareUnmet: { childId: string; sessionId: string; reason: string }[];
}

const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const localDate = (iso: string) => iso.slice(0, 10);
const localMinutes = (iso: string) => minutes(iso.slice(11, 16));
const weekdayOf = (date: string) => ((new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;
const ageMonths = (birth: string, on: string) => {
  const [by, bm, bd] = birth.split('-').map(Number);
  const [y, m, d] = on.split('-').map(Number);
  return (y - by) * 12 + (m - bm) - (d < bd ? 1 : 0);
};

export function childcareViolations(
  scenario: Scenario,
  plan: Plan,
  isHoliday: (date: string) => boolean,
): string[] {
  const errors: string[] = [];
  const sessions = new Map(plan.sessions.map((s) => [s.id, s]));
  const providers = new Map(scenario.childcareProviders.map((p) => [p.id, p]));
  const children = new Map(scenario.participants.flatMap((p) => p.children.map((c) => [c.id, c] as const)));
  const closed = (date: string) =>
    isHoliday(date) || scenario.closedDates.some((c) => c.from <= date && date <= c.to);
  const booked = new Set<string>();
  const load = new Map<string, [number, number][]>();
  for (const b of plan.childcare) {
    const session = sessions.get(b.sessionId);
    const provider = providers.get(b.providerId);
    const child = children.get(b.childId);
    if (!session || !provider || !child) {
      errors.push(`${b.childId}/${b.sessionId}: unknown session, provider or child`);
      continue;
    }
    if (Date.parse(b.from) > Date.parse(session.start) || Date.parse(b.to) < Date.parse(session.end)) {
      errors.push(`${b.childId}/${b.sessionId}: ${b.from}–${b.to} does not cover the session`);
    }
    const date = localDate(b.from);
    const open = provider.openingHours.some(
      (h) =>
        h.weekday === weekdayOf(date) &&
        minutes(h.from) <= localMinutes(b.from) &&
        localMinutes(b.to) <= minutes(h.to),
    );
    if (!open || localDate(b.to) !== date) errors.push(`${b.childId}/${b.sessionId}: outside opening hours`);
    const key = `${b.childId}|${b.sessionId}`;
    if (booked.has(key)) errors.push(`${key}: booked twice`);
    booked.add(key);
    const age = ageMonths(child.birthDate, localDate(session.start));
    const band = provider.places.findIndex((p) => p.minAgeMonths <= age && age <= p.maxAgeMonths);
    if (band < 0) {
      errors.push(`${b.childId}: no places for ${age} months at ${provider.id}`);
      continue;
    }
    const bandKey = `${provider.id}|${band}|${date}`;
    load.set(bandKey, [...(load.get(bandKey) ?? []), [Date.parse(b.from), Date.parse(b.to)]]);
  }
  for (const [bandKey, intervals] of load) {
    const [providerId, band] = bandKey.split('|');
    const capacity = providers.get(providerId)!.places[Number(band)].capacity;
    const points = intervals
      .flatMap(([a, b]) => [
        [a, 1],
        [b, -1],
      ])
      .sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    let current = 0;
    for (const [, step] of points)
      if ((current += step) > capacity) errors.push(`${bandKey}: ${current} at once, ${capacity} places`);
  }
  const unmet = new Set(plan.childcareUnmet.map((u) => `${u.childId}|${u.sessionId}`));
  const absent = new Set(plan.absentByConflict.map((a) => `${a.participantId}|${a.sessionId}`));
  const groups = new Map(scenario.programme.groups.map((g) => [g.id, g]));
  const mothers = new Map(scenario.participants.map((p) => [p.id, p]));
  for (const session of plan.sessions) {
    const date = localDate(session.start);
    const school = scenario.schoolHours.find((h) => h.weekday === weekdayOf(date));
    for (const participantId of groups.get(session.groupId)?.participantIds ?? []) {
      if (absent.has(`${participantId}|${session.id}`)) continue;
      for (const child of mothers.get(participantId)?.children ?? []) {
        const age = ageMonths(child.birthDate, date);
        if (child.careByPartner || age < 0 || age >= 156) continue;
        const needs =
          age < 48 ||
          !school ||
          closed(date) ||
          localMinutes(session.start) < minutes(school.from) ||
          localMinutes(session.end) > minutes(school.to);
        const key = `${child.id}|${session.id}`;
        if (needs && !booked.has(key) && !unmet.has(key))
          errors.push(`${key}: needs care, neither booked nor unmet`);
      }
    }
  }
  return errors;
}
