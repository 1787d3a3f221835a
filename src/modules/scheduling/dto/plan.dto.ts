import { ApiProperty } from '@nestjs/swagger';
import { EXTRA_ROLES } from '../../../planning/scheduling/model';
import type { ExtraRole } from '../../../planning/scheduling/model';

export class RoleHolderDto {
  @ApiProperty({ enum: EXTRA_ROLES }) role: ExtraRole;
  @ApiProperty({ format: 'uuid', description: 'the staff member who takes it' }) staffMemberId: string;
}

export class WeeklyTimeDto {
  @ApiProperty({ description: 'ISO weekday, 1 = Monday' }) weekday: number;
  @ApiProperty({ example: '09:30' }) start: string;
  @ApiProperty({ example: '12:30' }) end: string;
  @ApiProperty({ format: 'uuid' }) trainerId: string;
  @ApiProperty({ type: [String], description: 'the fewest who speak the languages' })
  interpreterIds: string[];
  @ApiProperty({ type: [RoleHolderDto], description: 'who takes each role the programme needs' })
  roles: RoleHolderDto[];
  @ApiProperty() pinned: boolean;
}

export class GroupPlanSummary {
  @ApiProperty({ format: 'uuid' }) groupId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: [WeeklyTimeDto] }) weekly: WeeklyTimeDto[];
  @ApiProperty() sessions: number;
  @ApiProperty({ nullable: true, type: String }) firstDate: string | null;
  @ApiProperty({ nullable: true, type: String }) lastDate: string | null;
  @ApiProperty({ description: 'member-sessions without a conflict' }) attendable: number;
  @ApiProperty() memberSessions: number;
  @ApiProperty({ type: [String], description: 'languages without an interpreter at the chosen time' })
  missingLanguages: string[];
  @ApiProperty({
    enum: EXTRA_ROLES,
    isArray: true,
    description: 'roles nobody can take at one of the chosen times',
  })
  missingRoles: ExtraRole[];
}

export class UnplannedGroupDto {
  @ApiProperty({ format: 'uuid' }) groupId: string;
  @ApiProperty() name: string;
  @ApiProperty() reason: string;
}

export class WaitingOutingDto {
  @ApiProperty({ format: 'uuid' }) groupId: string;
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty({ example: 'the group has no planned session that day' }) reason: string;
}

export class CalendarWarningDto {
  @ApiProperty({ format: 'uuid' }) groupId: string;
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty({ enum: ['ramadan', 'eid-al-fitr', 'eid-al-adha'] }) period: string;
}

export class PlanSummary {
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty({ description: 'sessions stored (from now on)' }) sessions: number;
  @ApiProperty() attendable: number;
  @ApiProperty() memberSessions: number;
  @ApiProperty({ description: 'each group alone at its best time' }) upperBound: number;
  @ApiProperty() conflicts: number;
  @ApiProperty({ type: [GroupPlanSummary] }) groups: GroupPlanSummary[];
  @ApiProperty({ type: [UnplannedGroupDto] }) unplanned: UnplannedGroupDto[];
  @ApiProperty({
    type: [CalendarWarningDto],
    description:
      'sessions in Ramadan or on an Eid (Umm al-Qura calendar); empty when the programme avoids those dates',
  })
  warnings: CalendarWarningDto[];
  @ApiProperty({
    type: [WaitingOutingDto],
    description:
      "the programme's outings by date (scenario) that no session holds: kept, and put on a session at a later plan that gives the group one that day",
  })
  outingsWaiting: WaitingOutingDto[];
  @ApiProperty() durationMs: number;
}

export class ConflictReasonDto {
  @ApiProperty({ enum: ['overlap', 'travel', 'appointment'] }) kind: string;
  @ApiProperty({ required: false }) lessonId?: string;
  @ApiProperty({ required: false, description: 'the taalaanbieder of the lesson' }) providerId?: string;
  @ApiProperty({ required: false }) appointmentId?: string;
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty({ type: [String] }) dates: string[];
}

export class MemberBlockedDto {
  @ApiProperty({ format: 'uuid' }) participantId: string;
  @ApiProperty() sessionsMissed: number;
  @ApiProperty({ type: [ConflictReasonDto] }) reasons: ConflictReasonDto[];
}

export class SlotCandidate {
  @ApiProperty() weekday: number;
  @ApiProperty() start: string;
  @ApiProperty() end: string;
  @ApiProperty() sessions: number;
  @ApiProperty() attendable: number;
  @ApiProperty() memberSessions: number;
  @ApiProperty() providerConflicts: number;
  @ApiProperty({ type: [String], description: 'the group’s trainers available then' }) trainerIds: string[];
  @ApiProperty() missingTrainer: boolean;
  @ApiProperty({ type: [String] }) missingLanguages: string[];
  @ApiProperty({ type: [String] }) canCome: string[];
  @ApiProperty({ type: [MemberBlockedDto] }) cannotCome: MemberBlockedDto[];
}
