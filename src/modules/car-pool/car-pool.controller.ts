import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IdParam } from '../../common/api/id-param';
import { DEFAULT_CAR_POOL_RULES } from '../../planning/transport/car-pool';
import { ScopedBy } from '../access/scoped-by.decorator';
import { ProgrammesService } from '../programmes/programmes.service';
import { CarPoolService } from './car-pool.service';
import {
  CarPoolOfferDto,
  CarPoolOfferListDto,
  CarPoolProposalDto,
  ProposeCarPoolDto,
} from './dto/car-pool.dto';

const inOrder = (order: Map<string, number>) => (ids: string[]) =>
  [...ids].sort((a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity) || a.localeCompare(b));

@ApiTags('car-pool')
@ApiBearerAuth()
@Controller()
export class CarPoolController {
  constructor(private readonly carPool: CarPoolService) {}

  @Post('programmes/:id/car-pool/propose')
  @HttpCode(200)
  @ScopedBy(ProgrammesService, 'programme')
  @ApiOperation({
    summary: 'Offer women who drive themselves to take along women who live on their way',
    description:
      'For each planned session from now on: a woman who comes by car (`transport: own`) and offers seats ' +
      '(`carSeatsOffered`) may take along women of the same session who need a ride (first those the vehicles ' +
      'could not collect, then those they do), when her detour each way stays within `maxDetourMinutes` or ' +
      '`maxDetourShare` of her direct trip (whichever is more), each passenger rides within her ride limit, and ' +
      'she and her children riding along fit the seats. One offer per pair of women for all the sessions it fits; ' +
      'each driver is told in her language. Pairs with an offer that stands (offered, accepted or declined) are ' +
      'not offered again.',
  })
  @ApiOkResponse({ type: CarPoolProposalDto })
  async propose(@IdParam() id: string, @Body() dto: ProposeCarPoolDto): Promise<CarPoolProposalDto> {
    const rules = {
      maxDetourMinutes: dto.maxDetourMinutes ?? DEFAULT_CAR_POOL_RULES.maxDetourMinutes,
      maxDetourShare: dto.maxDetourShare ?? DEFAULT_CAR_POOL_RULES.maxDetourShare,
    };
    const { sessions, offers, told } = await this.carPool.propose(id, new Date(), rules);
    const order = new Map(sessions.map((session, index) => [session.id, index]));
    return {
      sessions: sessions.length,
      offers: offers.map((offer) => CarPoolOfferDto.from(offer, inOrder(order))),
      told,
    };
  }

  @Get('programmes/:id/car-pool')
  @ScopedBy(ProgrammesService, 'programme')
  @ApiOperation({ summary: 'The car-pool offers of a programme and their answers' })
  @ApiOkResponse({ type: CarPoolOfferListDto })
  async list(@IdParam() id: string): Promise<CarPoolOfferListDto> {
    const { items, hidden, order } = await this.carPool.list(id);
    return { items: items.map((offer) => CarPoolOfferDto.from(offer, inOrder(order))), hidden };
  }

  @Post('car-pool-offers/:id/withdraw')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Take back a car-pool offer',
    description:
      'An accepted one gives the passenger back to the vehicles (routes re-planned), and she is told.',
  })
  @ApiOkResponse({ type: CarPoolOfferDto })
  async withdraw(@IdParam() id: string): Promise<CarPoolOfferDto> {
    const offer = await this.carPool.withdraw(id, new Date());
    return CarPoolOfferDto.from(offer, inOrder(await this.carPool.sessionOrder([offer])));
  }
}
