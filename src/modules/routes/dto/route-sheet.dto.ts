import { ApiProperty } from '@nestjs/swagger';

export class RouteSheetStopDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() position: number;
  @ApiProperty({ description: 'pickup time (to) or drop-off time (from), local' }) time: string;
  @ApiProperty() firstName: string;
  @ApiProperty() address: string;
  @ApiProperty() phone: string;
  @ApiProperty() children: number;
  @ApiProperty({ description: 'child seats she needs for them' }) childSeats: number;
  @ApiProperty({ enum: ['planned', 'picked-up', 'no-show'] }) status: string;
  @ApiProperty({ description: 'opens navigation to her door in Google Maps' }) navigationUrl: string;
}

export class RouteSheetRouteDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['to', 'from'] }) direction: string;
  @ApiProperty() vehicle: { id: string; name: string };
  @ApiProperty() session: { id: string; start: string; end: string };
  @ApiProperty() location: { name: string; address: string };
  @ApiProperty({ description: 'leaving the depot (to) or the location (from)' }) depart: string;
  @ApiProperty({ description: 'reaching the location (to) or the last drop-off (from)' }) arrive: string;
  @ApiProperty({ description: 'opens the whole route in Google Maps navigation' }) navigationUrl: string;
  @ApiProperty({ type: [RouteSheetStopDto] }) stops: RouteSheetStopDto[];
  @ApiProperty({
    description:
      'stops left out because their passenger lives outside the municipalities the caller is limited to ' +
      '(always 0 for the driver herself and for a coordinator without that limit); `navigationUrl` leaves them out too',
  })
  hiddenStops: number;
}

export class RouteSheetDto {
  @ApiProperty() driver: { id: string; name: string };
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty({ type: [RouteSheetRouteDto] }) routes: RouteSheetRouteDto[];
}
