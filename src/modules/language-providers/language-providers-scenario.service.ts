import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { RowChanges, syncOwnedRows, upsertByRef, UpsertOutcome } from '../../common/database/bulk-writes';
import { LanguageProvider } from './language-provider.entity';
import { Lesson } from './lesson.entity';

export interface LessonImport {
  participantId: string;
  providerId: string;
  weekday: number;
  from: string;
  to: string;
  position: { lat: number; lon: number };
  validFrom: string;
  validTo: string;
}

/** The language providers module's part of scenario import and export: taalaanbieders and lesson series. */
@Injectable()
export class LanguageProvidersScenarioService {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  importProviders(
    regionId: string,
    rows: { ref: string; name: string; email: string | null }[],
  ): Promise<UpsertOutcome> {
    return upsertByRef(this.txHost.tx.getRepository(LanguageProvider), regionId, rows);
  }

  /** Makes the lesson series of these participants exactly `rows`; unchanged series keep their id. */
  importLessons(participantIds: string[], rows: LessonImport[]): Promise<RowChanges> {
    return syncOwnedRows(this.txHost.tx.getRepository(Lesson), 'participantId', participantIds, rows, (row) =>
      JSON.stringify([
        row.participantId,
        row.providerId,
        row.weekday,
        row.from,
        row.to,
        row.position?.lat,
        row.position?.lon,
        row.validFrom,
        row.validTo,
      ]),
    );
  }

  exportProviders(regionId: string): Promise<LanguageProvider[]> {
    return this.txHost.tx.getRepository(LanguageProvider).find({ where: { regionId } });
  }

  exportLessons(participantIds: string[]): Promise<Lesson[]> {
    return this.txHost.tx.getRepository(Lesson).find({
      where: { participantId: In(participantIds) },
      order: { weekday: 'ASC', from: 'ASC', validFrom: 'ASC' },
    });
  }
}
