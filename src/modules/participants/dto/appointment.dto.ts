import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { PageQueryDto } from '../../../common/api/page';
import { IsAfterField, IsCalendarDate, IsTimeOfDay } from '../../../common/validation/decorators';
import { Appointment } from '../appointment.entity';

export class CreateAppointmentDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  participantId: string;

  @IsCalendarDate({ example: '2027-03-24' })
  date: string;

  @IsTimeOfDay({ example: '10:00' })
  from: string;

  @IsTimeOfDay({ example: '10:30' })
  @IsAfterField('from')
  to: string;

  @ApiPropertyOptional({ default: '', example: 'huisarts' })
  @ValidateIf((_, value) => value !== undefined)
  @IsString()
  @MaxLength(500)
  what?: string;
}

/** An appointment stays with its participant; `to` after `from` also holds against the stored times. */
export class UpdateAppointmentDto extends PartialType(
  OmitType(CreateAppointmentDto, ['participantId'] as const),
  {
    skipNullProperties: false,
  },
) {}

/** Appointments have no scenario id: they are narrowed by region (through the participant) or participant. */
/** Lists of records that hang off a participant: narrowed by region (through her) or by the participant. */
export class ParticipantRecordsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: "the region's id or ref, e.g. `berkelland`" })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  region?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  participant?: string;
}

export class AppointmentListQueryDto extends ParticipantRecordsQueryDto {}

export class AppointmentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', description: "the participant's region" }) regionId: string;
  @ApiProperty({ format: 'uuid' }) participantId: string;
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty({ example: '10:00' }) from: string;
  @ApiProperty({ example: '10:30' }) to: string;
  @ApiProperty() what: string;

  /** Expects the participant to be loaded, for the region. */
  static from(appointment: Appointment): AppointmentDto {
    const { id, participant, participantId, date, from, to, what } = appointment;
    return { id, regionId: participant.regionId, participantId, date, from, to, what };
  }
}
