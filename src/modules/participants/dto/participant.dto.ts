import { ApiProperty, ApiPropertyOptional, PartialType, OmitType } from '@nestjs/swagger';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { MunicipalListQueryDto } from '../../../common/api/page';
import {
  IsCalendarDate,
  IsNested,
  IsRef,
  IsText,
  PositionDto,
  IsPhoneNumber,
} from '../../../common/validation/decorators';
import { Participant, REMINDER_CHANNELS, TRANSPORT_MODES } from '../participant.entity';
import type { ReminderChannel, TransportMode } from '../participant.entity';
import { LEVELS } from '../../../planning/groups/levels';
import type { Level } from '../../../planning/groups/levels';

/** A car has at most this many seats beside the driver's (a nine-seater). */
export const MAX_CAR_SEATS_OFFERED = 8;

/** ISO 639-1 or 639-3: `nl`, `ar`, `ti`, `prs`. */
const LANGUAGE_CODE = /^[a-z]{2,3}$/;
export class CreateParticipantDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  regionId: string;

  @IsRef()
  ref?: string | null;

  @ApiProperty({ format: 'uuid', description: 'a municipality of the same region' })
  @IsUUID()
  municipalityId: string;

  @IsText({ example: 'Amina' })
  name: string;

  @ApiProperty({ example: '+31 6 12345678' })
  @IsPhoneNumber()
  phone: string;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'email' })
  @IsOptional()
  @IsEmail({}, { message: '$property must be an e-mail address' })
  email?: string | null;

  @ApiProperty({ example: 'ar', description: 'ISO 639 code (2 or 3 lowercase letters) of her language' })
  @IsString()
  @Matches(LANGUAGE_CODE, { message: '$property must be an ISO 639 code of 2 or 3 lowercase letters' })
  language: string;

  @ApiPropertyOptional({ default: false })
  @ValidateIf((_, value) => value !== undefined)
  @IsBoolean()
  interpreterNeeded?: boolean;

  @ApiPropertyOptional({
    enum: LEVELS,
    nullable: true,
    description:
      'her Dutch level on the CEFR scale (A0: not yet A1); used to keep levels close in group proposals',
  })
  @IsOptional()
  @IsIn(LEVELS, { message: `$property must be one of ${LEVELS.join(', ')}` })
  level?: Level | null;

  @IsOptional()
  @IsCalendarDate({
    required: false,
    nullable: true,
    type: String,
    description:
      'the first day she can take part (after her intake or arrival): a group with a rolling start counts her ' +
      'from then on, and her sessions before it are not hers; null or left out: ready now',
  })
  readyFrom?: string | null;

  @ApiProperty({ enum: REMINDER_CHANNELS })
  @IsIn(REMINDER_CHANNELS, { message: `$property must be one of ${REMINDER_CHANNELS.join(', ')}` })
  reminderChannel: ReminderChannel;

  @ApiProperty({ enum: TRANSPORT_MODES })
  @IsIn(TRANSPORT_MODES, { message: `$property must be one of ${TRANSPORT_MODES.join(', ')}` })
  transport: TransportMode;

  @ApiPropertyOptional({
    default: 0,
    minimum: 0,
    maximum: MAX_CAR_SEATS_OFFERED,
    description:
      'seats she offers other women in her car (car-pooling; she comes by herself, `transport: own`)',
  })
  @ValidateIf((_, value) => value !== undefined && value !== null)
  @IsInt({ message: '$property must be a whole number of seats' })
  @Min(0)
  @Max(MAX_CAR_SEATS_OFFERED)
  carSeatsOffered?: number | null;

  @IsText({ example: 'Marktstraat 1, Eibergen' })
  address: string;

  @ApiProperty({ type: PositionDto, description: 'her home, where a pickup starts' })
  @IsObject({ message: '$property must be an object { lat, lon }' })
  @IsNested(() => PositionDto)
  position: PositionDto;
}

/** Null is refused for required fields (skipNullProperties: false) and clears the optional ones. */
export class UpdateParticipantDto extends PartialType(OmitType(CreateParticipantDto, ['regionId'] as const), {
  skipNullProperties: false,
}) {}

export class ParticipantDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) regionId: string;
  @ApiProperty({ nullable: true, type: String }) ref: string | null;
  @ApiProperty({ format: 'uuid' }) municipalityId: string;
  @ApiProperty() name: string;
  @ApiProperty() phone: string;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty() language: string;
  @ApiProperty() interpreterNeeded: boolean;
  @ApiProperty({ enum: LEVELS, nullable: true }) level: Level | null;
  @ApiProperty({ format: 'date', nullable: true, type: String }) readyFrom: string | null;
  @ApiProperty({ enum: REMINDER_CHANNELS }) reminderChannel: ReminderChannel;
  @ApiProperty({ enum: TRANSPORT_MODES }) transport: TransportMode;
  @ApiProperty() carSeatsOffered: number;
  @ApiProperty() address: string;
  @ApiProperty({ type: PositionDto }) position: PositionDto;

  static from(participant: Participant): ParticipantDto {
    const { id, regionId, ref, municipalityId, name, phone, email } = participant;
    const {
      language,
      interpreterNeeded,
      level,
      readyFrom,
      reminderChannel,
      transport,
      carSeatsOffered,
      address,
      position,
    } = participant;
    return {
      id,
      regionId,
      ref,
      municipalityId,
      name,
      phone,
      email,
      language,
      interpreterNeeded,
      level: level ?? null,
      readyFrom: readyFrom ?? null,
      reminderChannel,
      transport,
      carSeatsOffered,
      address,
      position: { lat: position.lat, lon: position.lon },
    };
  }
}

export class ParticipantListQueryDto extends MunicipalListQueryDto {
  @ApiPropertyOptional({ description: 'a group (id or ref): its members' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  group?: string;
}
