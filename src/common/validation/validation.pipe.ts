import { BadRequestException, ValidationPipe } from '@nestjs/common';
import { validationMessages } from './validation-messages';

/** Rejects unknown fields and answers 400 with one message per problem, each naming its field. */
export const validationPipe = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  stopAtFirstError: true,
  exceptionFactory: (errors) =>
    new BadRequestException({ statusCode: 400, error: 'Bad Request', message: validationMessages(errors) }),
});
