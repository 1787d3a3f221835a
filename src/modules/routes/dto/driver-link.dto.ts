import { ApiProperty } from '@nestjs/swagger';

export class DriverLinkDto {
  @ApiProperty({
    example: 'https://trefpunt.example.nl/driver?token=tp_…',
    description: 'opens her rides of today and tomorrow on her phone; shown this once, kept only as a hash',
  })
  url: string;

  @ApiProperty({ format: 'uuid', description: 'the driver token in the link, to revoke it through /tokens' })
  tokenId: string;
}
