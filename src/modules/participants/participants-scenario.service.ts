import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Injectable } from '@nestjs/common';
import { In, IsNull, Not } from 'typeorm';
import { RowChanges, syncOwnedRows, upsertByRef, UpsertOutcome } from '../../common/database/bulk-writes';
import { Appointment } from './appointment.entity';
import { Child } from './child.entity';
import { Participant, ReminderChannel, TransportMode } from './participant.entity';
import type { Level } from '../../planning/groups/levels';

export interface ParticipantImport {
  ref: string;
  municipalityId: string;
  name: string;
  phone: string;
  email: string | null;
  language: string;
  interpreterNeeded: boolean;
  level?: Level | null;
  readyFrom?: string | null;
  reminderChannel: ReminderChannel;
  transport: TransportMode;
  carSeatsOffered: number;
  address: string;
  position: { lat: number; lon: number };
}

export interface ChildImport {
  ref: string;
  participantId: string;
  birthDate: string;
  careByPartner: boolean;
}

export interface AppointmentImport {
  participantId: string;
  date: string;
  from: string;
  to: string;
  what: string;
}

/** The participants module's part of scenario import and export: participants, children and appointments. */
@Injectable()
export class ParticipantsScenarioService {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  importParticipants(regionId: string, rows: ParticipantImport[]): Promise<UpsertOutcome> {
    return upsertByRef(this.txHost.tx.getRepository(Participant), regionId, rows);
  }

  importChildren(regionId: string, rows: ChildImport[]): Promise<UpsertOutcome> {
    return upsertByRef(this.txHost.tx.getRepository(Child), regionId, rows);
  }

  /** Makes the appointments of these participants exactly `rows`. */
  importAppointments(participantIds: string[], rows: AppointmentImport[]): Promise<RowChanges> {
    return syncOwnedRows(
      this.txHost.tx.getRepository(Appointment),
      'participantId',
      participantIds,
      rows,
      (row) => JSON.stringify([row.participantId, row.date, row.from, row.to, row.what ?? '']),
    );
  }

  /** The participants of a region; erased ones are no longer anybody's to export. */
  exportParticipants(regionId: string): Promise<Participant[]> {
    return this.txHost.tx.getRepository(Participant).find({ where: { regionId, erasedAt: IsNull() } });
  }

  /** These participants of a region, not erased: a route's passengers, without loading the whole region. */
  participantsOf(regionId: string, ids: string[]): Promise<Participant[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.txHost.tx
      .getRepository(Participant)
      .find({ where: { regionId, id: In([...new Set(ids)]), erasedAt: IsNull() } });
  }

  /** Erased participants: their group memberships stay for the counts, whatever a scenario says. */
  async erasedIds(regionId: string): Promise<Set<string>> {
    const erased = await this.txHost.tx
      .getRepository(Participant)
      .find({ where: { regionId, erasedAt: Not(IsNull()) }, select: { id: true } });
    return new Set(erased.map((participant) => participant.id));
  }

  exportChildren(regionId: string): Promise<Child[]> {
    return this.txHost.tx.getRepository(Child).find({ where: { regionId } });
  }

  exportAppointments(participantIds: string[]): Promise<Appointment[]> {
    return this.txHost.tx
      .getRepository(Appointment)
      .find({ where: { participantId: In(participantIds) }, order: { date: 'ASC', from: 'ASC' } });
  }
}
