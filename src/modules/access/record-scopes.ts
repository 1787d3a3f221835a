import { FindOptionsSelect, FindOptionsWhere, Repository } from 'typeorm';
import { RecordScope } from './access-context';

/** The scope of a record that belongs to a region directly (and maybe to a municipality). */
export async function regionScopeOf<T extends { id: string; regionId: string; municipalityId?: string }>(
  repository: Repository<T>,
  id: string,
): Promise<RecordScope | undefined> {
  const hasMunicipality = repository.metadata.findColumnWithPropertyName('municipalityId') !== undefined;
  const row = await repository.findOne({
    where: { id } as FindOptionsWhere<T>,
    select: {
      id: true,
      regionId: true,
      ...(hasMunicipality && { municipalityId: true }),
    } as FindOptionsSelect<T>,
  });
  return row ? { regionId: row.regionId, municipalityId: row.municipalityId } : undefined;
}

/** The scope of a record that is part of a participant's personal data (a child, a lesson, an appointment). */
export async function participantScopeOf<T extends { id: string; participantId: string }>(
  repository: Repository<T>,
  id: string,
): Promise<RecordScope | undefined> {
  const row = await repository.findOne({
    where: { id } as FindOptionsWhere<T>,
    relations: { participant: true } as never,
    select: {
      id: true,
      participantId: true,
      participant: { id: true, regionId: true, municipalityId: true, erasedAt: true },
    } as never,
  });
  const participant = (
    row as unknown as { participant?: { regionId: string; municipalityId: string; erasedAt: Date | null } }
  )?.participant;
  if (!row || !participant || participant.erasedAt) return undefined;
  return {
    regionId: participant.regionId,
    municipalityId: participant.municipalityId,
    participantId: row.participantId,
  };
}
