import { Injectable } from '@nestjs/common';
import { dutchCsv } from '../../common/api/dutch-csv';
import { DateTime } from 'luxon';
import { childcareGrossCents } from '../../planning/costs/amounts';
import { AccessContext } from '../access/access-context';
import { AuditService } from '../audit/audit.service';
import { ParticipantsScenarioService } from '../participants/participants-scenario.service';
import { RegionsScenarioService } from '../regions/regions-scenario.service';
import { RegionsService } from '../regions/regions.service';
import { ChildcareBookingsService } from './childcare-bookings.service';
import { ChildcareScenarioService } from './childcare-scenario.service';

export interface CostLine {
  hours: number;
  cost: number;
  bookings: number;
}

export interface ChildcareCosts {
  region: string;
  month: string;
  currency: 'EUR';
  total: CostLine;
  providers: (CostLine & {
    providerId: string;
    ref: string | null;
    name: string;
    kind: string;
    pricePerHour: number;
  })[];
  participants: (CostLine & {
    participantId: string;
    ref: string | null;
    name: string;
    municipalityId: string;
  })[];
  municipalities: (CostLine & { municipalityId: string; ref: string | null; name: string })[];
  /** One line per participant and provider: what the CSV holds. */
  lines: (CostLine & { participantId: string; providerId: string; municipalityId: string })[];
}

const HOUR = 60 * 60 * 1000;
const cents = (amount: number) => Math.round(amount * 100) / 100;

/**
 * Hours × price of the bookings that held a place (requested or confirmed) in a month, per provider, participant
 * and municipality, so that the municipality can pay the parents' own contributions. Every amount is the sum of
 * the lines below it, rounded to cents per line.
 */
@Injectable()
export class ChildcareCostsService {
  constructor(
    private readonly regions: RegionsService,
    private readonly regionData: RegionsScenarioService,
    private readonly participants: ParticipantsScenarioService,
    private readonly providers: ChildcareScenarioService,
    private readonly bookings: ChildcareBookingsService,
    private readonly access: AccessContext,
    private readonly audit: AuditService,
  ) {}

  async report(regionIdOrRef: string, month: string): Promise<ChildcareCosts> {
    const regionId = await this.regions.resolveId(regionIdOrRef);
    const first = DateTime.fromISO(`${month}-01`);
    const last = first.endOf('month').toISODate()!;
    const participants = new Map(
      (await this.participants.exportParticipants(regionId)).map((p) => [p.id, p]),
    );
    const reachable = this.access.municipalityIds();
    const bookings = (await this.bookings.activeOn(regionId, first.toISODate()!, last)).filter((booking) => {
      const mother = participants.get(booking.participantId);
      return mother && (!reachable || reachable.includes(mother.municipalityId));
    });
    const providers = new Map((await this.providers.exportProviders(regionId)).map((p) => [p.id, p]));
    const municipalities = new Map(
      (await this.regionData.exportMunicipalities(regionId)).map((m) => [m.id, m]),
    );

    const lines = new Map<string, ChildcareCosts['lines'][number]>();
    for (const booking of bookings) {
      const provider = providers.get(booking.providerId)!;
      const municipalityId = participants.get(booking.participantId)!.municipalityId;
      const key = `${booking.participantId}|${booking.providerId}`;
      const line = lines.get(key) ?? {
        participantId: booking.participantId,
        providerId: booking.providerId,
        municipalityId,
        hours: 0,
        cost: 0,
        bookings: 0,
      };
      line.hours += (booking.to.getTime() - booking.from.getTime()) / HOUR;
      line.bookings += 1;
      line.cost = childcareGrossCents(line.hours, provider.pricePerHour) / 100;
      lines.set(key, line);
    }
    const ordered = [...lines.values()].sort(
      (a, b) =>
        a.municipalityId.localeCompare(b.municipalityId) || a.participantId.localeCompare(b.participantId),
    );
    const sum = <K extends string>(key: (line: ChildcareCosts['lines'][number]) => K) => {
      const totals = new Map<K, CostLine>();
      for (const line of ordered) {
        const total = totals.get(key(line)) ?? { hours: 0, cost: 0, bookings: 0 };
        total.hours += line.hours;
        total.cost = cents(total.cost + line.cost);
        total.bookings += line.bookings;
        totals.set(key(line), total);
      }
      return totals;
    };
    await this.audit.record(
      'read',
      [...new Set(ordered.map((line) => line.participantId))].map((id) => ({
        recordType: 'participant',
        recordId: id,
        participantId: id,
        regionId,
      })),
    );
    const total = [...sum(() => 'all').values()][0] ?? { hours: 0, cost: 0, bookings: 0 };
    return {
      region: (await this.regionData.exportRegion(regionId)).ref,
      month,
      currency: 'EUR',
      total,
      providers: [...sum((line) => line.providerId)].map(([providerId, line]) => {
        const provider = providers.get(providerId)!;
        return {
          providerId,
          ref: provider.ref,
          name: provider.name,
          kind: provider.kind,
          pricePerHour: provider.pricePerHour,
          ...line,
        };
      }),
      participants: [...sum((line) => line.participantId)].map(([participantId, line]) => {
        const participant = participants.get(participantId)!;
        return {
          participantId,
          ref: participant.ref,
          name: participant.name,
          municipalityId: participant.municipalityId,
          ...line,
        };
      }),
      municipalities: [...sum((line) => line.municipalityId)].map(([municipalityId, line]) => ({
        municipalityId,
        ref: municipalities.get(municipalityId)?.ref ?? null,
        name: municipalities.get(municipalityId)?.name ?? '',
        ...line,
      })),
      lines: ordered,
    };
  }
}

/** The decimal comma of Dutch spreadsheets (the fields are `;`-separated: see dutchCsv). */
const amount = (value: number) => value.toFixed(2).replace('.', ',');

/** The cost report as CSV: one row per participant and provider, for the municipality's payments. */
export function childcareCostsCsv(report: ChildcareCosts): string {
  const participants = new Map(report.participants.map((row) => [row.participantId, row]));
  const providers = new Map(report.providers.map((row) => [row.providerId, row]));
  const municipalities = new Map(report.municipalities.map((row) => [row.municipalityId, row]));
  return dutchCsv(
    report.lines.map((line) => [
      report.month,
      municipalities.get(line.municipalityId)?.name ?? '',
      participants.get(line.participantId)?.ref ?? line.participantId,
      participants.get(line.participantId)?.name ?? '',
      providers.get(line.providerId)?.name ?? '',
      line.bookings,
      amount(line.hours),
      amount(providers.get(line.providerId)?.pricePerHour ?? 0),
      amount(line.cost),
    ]),
    [
      'month',
      'municipality',
      'participantRef',
      'name',
      'provider',
      'bookings',
      'hours',
      'pricePerHour',
      'costEur',
    ],
  );
}
