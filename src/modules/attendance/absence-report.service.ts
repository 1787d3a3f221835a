import { Injectable } from '@nestjs/common';
import { dutchCsv } from '../../common/api/dutch-csv';
import { DateTime } from 'luxon';
import { AccessContext } from '../access/access-context';
import { AuditService } from '../audit/audit.service';
import { ParticipantsScenarioService } from '../participants/participants-scenario.service';
import { GroupsService } from '../programmes/groups.service';
import { SessionsService } from '../programmes/sessions.service';
import { RegionsScenarioService } from '../regions/regions-scenario.service';
import { RegionsService } from '../regions/regions.service';
import { ConflictsService } from '../scheduling/conflicts.service';
import { AbsencesService } from './absences.service';

export interface AbsenceReportLine {
  participantId: string;
  participantRef: string | null;
  name: string;
  municipality: string;
  /** Sessions of her groups that month. */
  sessions: number;
  absent: number;
  ill: number;
  childIll: number;
  other: number;
  noShow: number;
  /** Sessions she could not attend because a lesson or appointment was in the way. */
  cannotAttend: number;
}

/** The municipality's report: per participant and month, her sessions, absences by reason, and conflicts. */
@Injectable()
export class AbsenceReportService {
  constructor(
    private readonly regions: RegionsService,
    private readonly regionData: RegionsScenarioService,
    private readonly sessions: SessionsService,
    private readonly groups: GroupsService,
    private readonly participants: ParticipantsScenarioService,
    private readonly absences: AbsencesService,
    private readonly conflicts: ConflictsService,
    private readonly access: AccessContext,
    private readonly audit: AuditService,
  ) {}

  async report(
    regionIdOrRef: string,
    month: string,
  ): Promise<{ region: string; month: string; items: AbsenceReportLine[] }> {
    const regionId = await this.regions.resolveId(regionIdOrRef);
    const region = await this.regionData.exportRegion(regionId);
    const first = DateTime.fromISO(`${month}-01`, { zone: region.timezone });
    const sessions = (
      await this.sessions.inRange(regionId, first.toJSDate(), first.plus({ months: 1 }).toJSDate())
    ).filter((session) => session.status === 'planned');
    const ids = sessions.map((session) => session.id);
    const absent = new Map(
      (await this.absences.forSessions(ids)).map((a) => [`${a.participantId}|${a.sessionId}`, a.reason]),
    );
    const conflicted = new Set(
      (await this.conflicts.forSessions(ids)).map((c) => `${c.participantId}|${c.sessionId}`),
    );
    const municipalities = new Map(
      (await this.regionData.exportMunicipalities(regionId)).map((m) => [m.id, m.name]),
    );
    const reachable = this.access.municipalityIds();
    const people = new Map(
      (await this.participants.exportParticipants(regionId))
        .filter((p) => !reachable || reachable.includes(p.municipalityId))
        .map((p) => [p.id, p]),
    );
    const members = await this.groups.membersOf(sessions.map((session) => session.groupId));
    const lines = new Map<string, AbsenceReportLine>();
    for (const session of sessions) {
      for (const participantId of members.get(session.groupId)!) {
        const person = people.get(participantId);
        if (!person) continue;
        const line = lines.get(participantId) ?? {
          participantId,
          participantRef: person.ref,
          name: person.name,
          municipality: municipalities.get(person.municipalityId) ?? '',
          sessions: 0,
          absent: 0,
          ill: 0,
          childIll: 0,
          other: 0,
          noShow: 0,
          cannotAttend: 0,
        };
        line.sessions += 1;
        const key = `${participantId}|${session.id}`;
        const reason = absent.get(key);
        if (reason) {
          line.absent += 1;
          if (reason === 'ill') line.ill += 1;
          else if (reason === 'child-ill') line.childIll += 1;
          else if (reason === 'no-show') line.noShow += 1;
          else line.other += 1;
        } else if (conflicted.has(key)) line.cannotAttend += 1;
        lines.set(participantId, line);
      }
    }
    const items = [...lines.values()].sort(
      (a, b) =>
        a.municipality.localeCompare(b.municipality) ||
        a.name.localeCompare(b.name) ||
        a.participantId.localeCompare(b.participantId),
    );
    await this.audit.record(
      'read',
      items.map((line) => ({
        recordType: 'participant',
        recordId: line.participantId,
        participantId: line.participantId,
        regionId,
      })),
    );
    return { region: region.ref, month, items };
  }
}

/** As the other reports: `;`-separated UTF-8 with a BOM, for Dutch spreadsheets. */
export function absenceReportCsv(report: { month: string; items: AbsenceReportLine[] }): string {
  return dutchCsv(
    report.items.map((line) => [
      report.month,
      line.municipality,
      line.participantRef ?? line.participantId,
      line.name,
      line.sessions,
      line.absent,
      line.ill,
      line.childIll,
      line.other,
      line.noShow,
      line.cannotAttend,
    ]),
    [
      'month',
      'municipality',
      'participantRef',
      'name',
      'sessions',
      'absent',
      'ill',
      'childIll',
      'other',
      'noShow',
      'cannotAttend',
    ],
  );
}
