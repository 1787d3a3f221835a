import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IdParam } from '../../common/api/id-param';
import { ApiPageResponse, Page } from '../../common/api/page';
import { ScopedBy } from '../access/scoped-by.decorator';
import { Audited } from '../audit/audited.decorator';
import { RegionsService } from '../regions/regions.service';
import { ChildcareBooking } from './childcare-booking.entity';
import { CANCELLED_BY_HAND, ChildcareBookingsService } from './childcare-bookings.service';
import { ChildcarePlanningService } from './childcare-planning.service';
import {
  CancelChildcareBookingDto,
  ChildcareBookingDto,
  ChildcareBookingListQueryDto,
  CreateChildcareBookingDto,
  MoveChildcareBookingDto,
} from './dto/childcare-booking.dto';

@ApiTags('childcare')
@ApiBearerAuth()
@ScopedBy(ChildcareBookingsService, 'childcare booking')
@Controller('childcare/bookings')
export class ChildcareBookingsController {
  constructor(
    private readonly bookings: ChildcareBookingsService,
    private readonly planning: ChildcarePlanningService,
    private readonly regions: RegionsService,
  ) {}

  @Get()
  @Audited('childcare booking')
  @ApiPageResponse(ChildcareBookingDto)
  async list(@Query() query: ChildcareBookingListQueryDto): Promise<Page<ChildcareBookingDto>> {
    const sessionIds = query.programme
      ? (await this.planning.sessionsOf(query.programme, new Date(0))).map((session) => session.id)
      : undefined;
    const page = await this.bookings.list(query, sessionIds);
    return { items: await this.answer(page.items), total: page.total };
  }

  @Get(':id')
  @Audited('childcare booking')
  async get(@IdParam() id: string): Promise<ChildcareBookingDto> {
    return (await this.answer([await this.bookings.get(id)]))[0];
  }

  @Post()
  @Audited('childcare booking')
  @ApiOperation({
    summary: 'Book a child by hand into a provider for a session',
    description:
      'The provider must take her age and be open for the session, with the time to bring and fetch her (400 ' +
      'otherwise). A full age band answers 409: the database counts the places, also for two coordinators ' +
      'booking at once.',
  })
  async create(@Body() dto: CreateChildcareBookingDto): Promise<ChildcareBookingDto> {
    const booking = await this.planning.bookByHand(dto.childId, dto.sessionId, dto.providerId);
    return (await this.answer([booking]))[0];
  }

  @Post(':id/confirm')
  @HttpCode(200)
  @Audited('childcare booking')
  @ApiOperation({ summary: 'The provider confirmed the place' })
  async confirm(@IdParam() id: string): Promise<ChildcareBookingDto> {
    return (await this.answer([await this.bookings.confirm(id)]))[0];
  }

  @Post(':id/move')
  @HttpCode(200)
  @Audited('childcare booking')
  @ApiOperation({ summary: 'Move a booking to another provider (a new request to it; 409 when it is full)' })
  async move(@IdParam() id: string, @Body() dto: MoveChildcareBookingDto): Promise<ChildcareBookingDto> {
    return (await this.answer([await this.planning.moveByHand(id, dto.providerId)]))[0];
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Audited('childcare booking')
  @ApiOperation({
    summary: 'Cancel a booking and free its place',
    description:
      'Care is then taken as arranged otherwise: planning runs do not book the child again for this session, ' +
      'and list her need as unmet with the reason `cancelled by hand`. The freed place goes to the first ' +
      'child on the waiting list that day who fits it (GET /childcare/waiting-list).',
  })
  async cancel(@IdParam() id: string, @Body() dto: CancelChildcareBookingDto): Promise<ChildcareBookingDto> {
    const reason = dto.reason ? `${CANCELLED_BY_HAND}: ${dto.reason}` : CANCELLED_BY_HAND;
    return (await this.answer([await this.planning.cancelByHand(id, reason)]))[0];
  }

  private async answer(bookings: ChildcareBooking[]): Promise<ChildcareBookingDto[]> {
    const zones = await this.regions.timezones(bookings.map((booking) => booking.regionId));
    return bookings.map((booking) => ChildcareBookingDto.from(booking, zones.get(booking.regionId)!));
  }
}
