import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional } from 'class-validator';
import { IsNested, IsText, IsTimeOfDay, PositionDto } from '../../../common/validation/decorators';
import { Location } from '../../locations/location.entity';
import { SessionOuting } from '../../programmes/session-outing.entity';

export class OutingPlaceDto {
  @IsText({ example: 'Bibliotheek Vorden' })
  name: string;

  @IsText({ example: 'Dorpsstraat 2, 7251 BB Vorden' })
  address: string;

  @ApiProperty({ type: PositionDto })
  @IsNested(() => PositionDto)
  position: PositionDto;

  @IsOptional()
  @IsTimeOfDay({
    required: false,
    description:
      "when the group is there (local); the first place's is when the rides arrive, else the start",
  })
  arrive?: string;

  @IsOptional()
  @IsTimeOfDay({
    required: false,
    example: '11:30',
    description: "when the group leaves (local); the last place's is when the rides home leave, else the end",
  })
  leave?: string;
}

export class SetOutingDto {
  @ApiProperty({ type: [OutingPlaceDto], minItems: 1, maxItems: 10, description: 'in the order visited' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsNested(() => OutingPlaceDto, { each: true })
  places: OutingPlaceDto[];
}

export class OutingPlaceAnswerDto {
  @ApiProperty({ format: 'uuid', description: 'the location of the region the place is' }) locationId: string;
  @ApiProperty() name: string;
  @ApiProperty() address: string;
  @ApiProperty({ type: PositionDto }) position: PositionDto;
  @ApiPropertyOptional() arrive?: string;
  @ApiPropertyOptional() leave?: string;
}

export class OutingDto {
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty({ format: 'uuid', description: 'where the session is held when it is no outing' })
  usualLocationId: string;
  @ApiProperty({ type: [OutingPlaceAnswerDto] }) places: OutingPlaceAnswerDto[];

  static from(outing: SessionOuting, locations: Map<string, Location>): OutingDto {
    return {
      sessionId: outing.sessionId,
      usualLocationId: outing.usualLocationId,
      places: outing.places.map((place) => {
        const { name, address, position } = locations.get(place.locationId)!;
        return { ...place, name, address, position: { lat: position.lat, lon: position.lon } };
      }),
    };
  }
}

export class OutingSwitchDto {
  @ApiProperty({ type: OutingDto, nullable: true, description: 'null after the outing was undone' })
  outing: OutingDto | null;
  @ApiProperty({ description: 'messages written to the members (one each)' }) told: number;
}
