import { useCallback, useEffect, useState } from 'react';
import type { PlanDocument } from '../../../src/modules/plans/plan-document';
import { all, api } from './api';

/** `GET /exports/plan` (trefpunt-plan/1), typed as the service writes it. Its ids are scenario refs where records have one. */
export type { PlanDocument };

interface Named {
  id: string;
  ref: string | null;
  name: string;
}
export interface Participant extends Named {
  phone: string;
  email: string | null;
  transport: string;
  language: string;
  reminderChannel: string;
}
export interface Location extends Named {
  position: { lat: number; lon: number };
}
export interface Vehicle extends Named {
  seats: number;
  childSeats: number;
  depot: { lat: number; lon: number };
}
export interface Group extends Named {
  programmeId: string;
  locationId: string;
}
export interface Child {
  id: string;
  ref: string | null;
  participantId: string;
  birthDate: string;
}
export interface SessionRecord {
  id: string;
  ref: string | null;
  groupId: string;
  start: string;
  end: string;
  status: 'planned' | 'cancelled';
}
export interface OutboxMessage {
  id: string;
  participantId: string;
  sessionId: string | null;
  kind: string;
  channel: string;
  status: string;
  lastError: string | null;
  createdAt: string;
}

/** Records by id and by ref: the plan names them by ref where they have one, the rest of the API by id. */
export class Lookup<T extends { id: string; ref: string | null }> {
  private readonly byKey = new Map<string, T>();
  constructor(readonly items: T[]) {
    for (const item of items) {
      this.byKey.set(item.id, item);
      if (item.ref) this.byKey.set(item.ref, item);
    }
  }
  get(key: string): T | undefined {
    return this.byKey.get(key);
  }
  /** The same record's key as the plan writes it. */
  planKey(item: T): string {
    return item.ref ?? item.id;
  }
}

export interface RegionData {
  regionId: string;
  /** The region's time zone: the API's local times are wall-clock times there. */
  timezone: string;
  plan: PlanDocument;
  participants: Lookup<Participant>;
  groups: Lookup<Group>;
  locations: Lookup<Location>;
  vehicles: Lookup<Vehicle>;
  children: Lookup<Child>;
  sessions: Lookup<SessionRecord>;
  languageProviders: Lookup<Named>;
  childcareProviders: Lookup<Named>;
  programmes: Lookup<Named>;
  failedMessages: OutboxMessage[];
}

/** Everything of a region the coordinator's pages show, loaded together, and loaded again on `reload`. */
export function useRegionData(regionId: string | undefined) {
  const [data, setData] = useState<RegionData>();
  const [error, setError] = useState<string>();
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    if (!regionId) return;
    let current = true;
    const region = `region=${encodeURIComponent(regionId)}`;
    Promise.all([
      api<PlanDocument>(`/exports/plan?${region}`),
      all<Participant>(`/participants?${region}`),
      all<Group>(`/groups?${region}`),
      all<Location>(`/locations?${region}`),
      all<Vehicle>(`/vehicles?${region}`),
      all<Child>(`/children?${region}`),
      all<SessionRecord>(`/sessions?${region}`),
      all<Named>(`/language-providers?${region}`),
      all<Named>(`/childcare-providers?${region}`),
      all<Named>(`/programmes?${region}`),
      all<OutboxMessage>(`/outbox?${region}&status=failed`),
      api<{ timezone: string }>(`/regions/${encodeURIComponent(regionId)}`),
    ]).then(
      ([
        plan,
        participants,
        groups,
        locations,
        vehicles,
        children,
        sessions,
        languageProviders,
        childcareProviders,
        programmes,
        failed,
        region,
      ]) => {
        if (!current) return;
        setError(undefined);
        setData({
          regionId,
          timezone: region.timezone,
          plan,
          participants: new Lookup(participants),
          groups: new Lookup(groups),
          locations: new Lookup(locations),
          vehicles: new Lookup(vehicles),
          children: new Lookup(children),
          sessions: new Lookup(sessions),
          languageProviders: new Lookup(languageProviders),
          childcareProviders: new Lookup(childcareProviders),
          programmes: new Lookup(programmes),
          failedMessages: failed,
        });
      },
      (failure: Error) => current && setError(failure.message),
    );
    return () => {
      current = false;
    };
  }, [regionId, version]);

  return { data, error, reload };
}
