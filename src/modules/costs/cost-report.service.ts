import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { CostLine, costLines } from '../../planning/costs/cost-lines';
import { budgetUse, costTotals, totalsBy } from '../../planning/costs/cost-report';
import { AccessContext } from '../access/access-context';
import { AuditService } from '../audit/audit.service';
import { ProgrammesScenarioService } from '../programmes/programmes-scenario.service';
import { RegionsScenarioService } from '../regions/regions-scenario.service';
import { RegionsService } from '../regions/regions.service';
import { CostItemsService, CostSources } from './cost-items.service';
import { CostRatesService } from './cost-rates.service';
import { CostReport, CostReportLine } from './dto/cost-report.dto';
import { ProgrammeBudgetsService } from './programme-budgets.service';

/**
 * The monthly cost report of a region: per municipality what it pays for childcare (gross, the families' own
 * contributions, its share), travel, volunteer drivers' allowances, taxis and interpreters, and each programme
 * against its budget. A coordinator limited to some municipalities sees theirs only; drivers' caps count all
 * their kilometres all the same.
 */
@Injectable()
export class CostReportService {
  constructor(
    private readonly regions: RegionsService,
    private readonly regionData: RegionsScenarioService,
    private readonly programmes: ProgrammesScenarioService,
    private readonly items: CostItemsService,
    private readonly rates: CostRatesService,
    private readonly budgets: ProgrammeBudgetsService,
    private readonly access: AccessContext,
    private readonly audit: AuditService,
  ) {}

  async report(regionIdOrRef: string, month: string): Promise<CostReport> {
    const regionId = await this.regions.resolveId(regionIdOrRef);
    const region = await this.regionData.exportRegion(regionId);
    const end = DateTime.fromISO(`${month}-01`, { zone: region.timezone }).plus({ months: 1 }).toJSDate();
    const rates = await this.rates.ofRegion(regionId);
    const sources = await this.items.upTo(regionId, region.timezone, end);
    const computed = costLines(sources.items, rates);
    const reachable = this.access.municipalityIds();
    const visible = computed.lines.filter((line) => !reachable || reachable.includes(line.municipalityId));
    const ofMonth = visible.filter((line) => line.month === month).sort(lineOrder);

    const municipalities = (await this.regionData.exportMunicipalities(regionId))
      .filter((m) => !reachable || reachable.includes(m.id))
      .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
    const totals = totalsBy(
      ofMonth,
      municipalities.map((m) => m.id),
    );
    const programmes = await this.programmes.programmesOfRegion(regionId);
    const budgets = await this.budgets.ofRegion(regionId);
    const programmeRefs = new Map(programmes.map((p) => [p.id, p]));
    const drivenHere = new Set(
      ofMonth.filter((line) => line.category === 'driver-allowance').map((line) => line.subjectId),
    );

    const lines = ofMonth.map((line) => this.named(line, sources));
    const participantIds = [
      ...new Set(
        ofMonth
          .filter((line) => line.category === 'childcare' || line.category === 'travel')
          .map((line) => line.subjectId),
      ),
    ];
    await this.audit.record(
      'read',
      participantIds.map((id) => ({ recordType: 'participant', recordId: id, participantId: id, regionId })),
    );
    return {
      region: region.ref,
      month,
      currency: 'EUR',
      rates,
      total: costTotals(ofMonth),
      municipalities: municipalities.map((m) => ({
        municipalityId: m.id,
        ref: m.ref,
        name: m.name,
        ...totals.get(m.id)!,
      })),
      programmes: budgetUse(
        visible,
        month,
        programmes
          .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
          .map((p) => ({ programmeId: p.id, budgetCents: budgets.get(p.id) ?? null })),
      ).map((use) => ({
        ...use,
        ref: programmeRefs.get(use.programmeId)?.ref ?? null,
        name: programmeRefs.get(use.programmeId)?.name ?? '',
      })),
      drivers: computed.drivers
        .filter((allowance) => allowance.month === month && drivenHere.has(allowance.driverKey))
        .map((allowance) => {
          const driver = sources.drivers.get(allowance.driverKey);
          const vehicle = sources.vehicles.get(driver?.vehicleId ?? allowance.driverKey);
          return {
            driverId: driver?.id ?? null,
            vehicleId: vehicle?.id ?? allowance.driverKey,
            name: driver?.name ?? `${vehicle?.name ?? ''} (no driver named)`,
            km: allowance.kmTenths / 10,
            uncappedCents: allowance.uncappedCents,
            allowanceCents: allowance.allowanceCents,
            paidBeforeInYearCents: allowance.paidBeforeInYearCents,
            cap: allowance.cap,
          };
        }),
      lines,
    };
  }

  private named(line: CostLine, sources: CostSources): CostReportLine {
    let subject: { ref: string | null; name: string } | undefined;
    if (line.category === 'childcare' || line.category === 'travel') {
      subject = sources.participants.get(line.subjectId);
    } else if (line.category === 'interpreter') {
      subject = sources.interpreters.get(line.subjectId);
    } else {
      const driver = sources.drivers.get(line.subjectId);
      const vehicle = sources.vehicles.get(line.subjectId);
      subject = driver ?? (vehicle && { ref: vehicle.ref, name: vehicle.name });
    }
    return {
      category: line.category,
      municipalityId: line.municipalityId,
      programmeId: line.programmeId,
      subjectId: line.subjectId,
      subjectRef: subject?.ref ?? null,
      subjectName: subject?.name ?? '',
      detail:
        line.category === 'childcare'
          ? (sources.providerNames.get(line.detail!) ?? line.detail)
          : line.detail,
      hours: line.minutes / 60,
      km: line.kmTenths / 10,
      trips: line.trips,
      grossCents: line.grossCents,
      ownContributionCents: line.ownContributionCents,
      amountCents: line.amountCents,
    };
  }
}

const CATEGORY_ORDER = ['childcare', 'travel', 'driver-allowance', 'taxi', 'interpreter'];
const lineOrder = (a: CostLine, b: CostLine) =>
  a.municipalityId.localeCompare(b.municipalityId) ||
  CATEGORY_ORDER.indexOf(a.category) - CATEGORY_ORDER.indexOf(b.category) ||
  a.subjectId.localeCompare(b.subjectId) ||
  (a.detail ?? '').localeCompare(b.detail ?? '') ||
  a.programmeId.localeCompare(b.programmeId);
