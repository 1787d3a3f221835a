import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IdParam } from '../../common/api/id-param';
import { ScopedBy } from '../access/scoped-by.decorator';
import { ParticipantsService } from '../participants/participants.service';
import { ErasureService } from './erasure.service';

class ErasureDto {
  @ApiProperty({ format: 'uuid' }) participantId: string;
  @ApiProperty() erasedAt: string;
}

@ApiTags('participants')
@ApiBearerAuth()
@Controller('participants')
export class ErasureController {
  constructor(private readonly erasure: ErasureService) {}

  @Post(':id/erase')
  @HttpCode(200)
  @ScopedBy(ParticipantsService, 'participant')
  @ApiOperation({
    summary: 'Erase a participant (right to erasure)',
    description:
      'Her personal data, children, lessons, appointments and personal links are removed in one transaction. ' +
      'What the municipality counts (that she was a member of a group) stays, without her identity. ' +
      'Afterwards she is gone from every list and answers 404. The erasure itself is in the audit log.',
  })
  @ApiOkResponse({ type: ErasureDto })
  async erase(@IdParam() id: string): Promise<ErasureDto> {
    const { participantId, erasedAt } = await this.erasure.erase(id, new Date());
    return { participantId, erasedAt: erasedAt.toISOString() };
  }
}
