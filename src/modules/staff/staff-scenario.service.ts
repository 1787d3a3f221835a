import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Injectable } from '@nestjs/common';
import { RowChanges, UpsertOutcome, upsertWithWindows } from '../../common/database/bulk-writes';
import { WeeklyWindow } from '../../common/database/weekly-windows';
import { InterpreterAvailability } from './interpreter-availability.entity';
import { Interpreter } from './interpreter.entity';
import { TrainerAvailability } from './trainer-availability.entity';
import { Trainer } from './trainer.entity';
import { StaffMemberAvailability } from './staff-member-availability.entity';
import { StaffMember } from './staff-member.entity';
import { StaffRole } from './staff-roles';

export interface TrainerImport {
  ref: string;
  name: string;
  availability: WeeklyWindow[];
}

export interface InterpreterImport extends TrainerImport {
  languages: string[];
}

export interface StaffMemberImport extends TrainerImport {
  roles: StaffRole[];
}

/**
 * The staff module's part of scenario import and export: trainers, interpreters and the staff members of the
 * other roles, with their availability.
 */
@Injectable()
export class StaffScenarioService {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  importTrainers(regionId: string, rows: TrainerImport[]): Promise<UpsertOutcome & { windows: RowChanges }> {
    const { tx } = this.txHost;
    return upsertWithWindows(
      tx.getRepository(Trainer),
      tx.getRepository(TrainerAvailability),
      'trainerId',
      regionId,
      'availability',
      rows,
    );
  }

  importInterpreters(
    regionId: string,
    rows: InterpreterImport[],
  ): Promise<UpsertOutcome & { windows: RowChanges }> {
    const { tx } = this.txHost;
    return upsertWithWindows(
      tx.getRepository(Interpreter),
      tx.getRepository(InterpreterAvailability),
      'interpreterId',
      regionId,
      'availability',
      rows,
    );
  }

  importStaffMembers(
    regionId: string,
    rows: StaffMemberImport[],
  ): Promise<UpsertOutcome & { windows: RowChanges }> {
    const { tx } = this.txHost;
    return upsertWithWindows(
      tx.getRepository(StaffMember),
      tx.getRepository(StaffMemberAvailability),
      'staffMemberId',
      regionId,
      'availability',
      rows,
    );
  }

  exportStaffMembers(regionId: string): Promise<StaffMember[]> {
    return this.txHost.tx
      .getRepository(StaffMember)
      .find({ where: { regionId }, relations: { availability: true } });
  }

  exportTrainers(regionId: string): Promise<Trainer[]> {
    return this.txHost.tx
      .getRepository(Trainer)
      .find({ where: { regionId }, relations: { availability: true } });
  }

  exportInterpreters(regionId: string): Promise<Interpreter[]> {
    return this.txHost.tx
      .getRepository(Interpreter)
      .find({ where: { regionId }, relations: { availability: true } });
  }
}
