import { Injectable } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import { Principal, PRINCIPAL, SYSTEM } from './principal';

/** Where a record sits, to judge whether the caller may reach it. */
export interface RecordScope {
  regionId: string;
  municipalityId?: string;
  /** The participant whose personal data the record is (for the audit log). */
  participantId?: string;
}

/**
 * The caller of the current request and what they may reach. Services ask it to narrow their lists and to
 * treat records out of reach exactly as records that do not exist, so that nothing leaks through a list, a
 * filter or an error message. Outside a request (the command line, start-up jobs) the caller is the system.
 */
@Injectable()
export class AccessContext {
  constructor(private readonly cls: ClsService) {}

  principal(): Principal {
    return (this.cls.isActive() && this.cls.get<Principal>(PRINCIPAL)) || SYSTEM;
  }

  isAdmin(): boolean {
    return this.principal().role === 'admin';
  }

  /** The regions the caller may reach, or undefined when there is no limit. */
  regionIds(): string[] | undefined {
    return this.isAdmin() ? undefined : this.principal().regionIds;
  }

  /** The municipalities a coordinator is limited to, or undefined when she is not. */
  municipalityIds(): string[] | undefined {
    const { role, municipalityIds } = this.principal();
    return role !== 'admin' && municipalityIds.length > 0 ? municipalityIds : undefined;
  }

  /** What the caller may reach, as a key: answers kept for one caller are the same for any caller of equal reach. */
  reachKey(): string {
    const scopes = [this.regionIds(), this.municipalityIds()].map((ids) => ids?.toSorted().join(',') ?? '*');
    return [this.principal().role, ...scopes].join('|');
  }

  reachesRegion(regionId: string): boolean {
    const allowed = this.regionIds();
    return !allowed || allowed.includes(regionId);
  }

  reachesMunicipality(municipalityId: string): boolean {
    const allowed = this.municipalityIds();
    return !allowed || allowed.includes(municipalityId);
  }

  reaches(scope: RecordScope): boolean {
    return (
      this.reachesRegion(scope.regionId) &&
      (scope.municipalityId === undefined || this.reachesMunicipality(scope.municipalityId))
    );
  }

  /** Narrows a list of ids (from a filter) to those the caller may reach; `undefined` in means "any". */
  narrowMunicipalities(requested?: string[]): string[] | undefined {
    const allowed = this.municipalityIds();
    if (!allowed) return requested;
    return requested ? requested.filter((id) => allowed.includes(id)) : allowed;
  }
}
