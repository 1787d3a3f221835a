import { ApiProperty } from '@nestjs/swagger';

/** The `reasonCode` beside a `reason` text in an answer, documented once for every answer that has one. */
export const ApiReasonCode = (example: string) =>
  ApiProperty({
    nullable: true,
    type: String,
    example,
    description:
      'the reason as a code, for a client that says it in its own language (README: who can come, and why not); ' +
      'null for a text not on the list',
  });
