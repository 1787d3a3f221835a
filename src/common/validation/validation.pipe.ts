import { ArgumentMetadata, BadRequestException, ValidationPipe } from '@nestjs/common';
import { inputShapeProblems } from './input-shape';
import { validationMessages } from './validation-messages';

const badRequest = (message: string[]) =>
  new BadRequestException({ statusCode: 400, error: 'Bad Request', message });

/**
 * The validation of every body, query and path parameter: first what no input may hold (a NUL character,
 * nesting deeper than any document), so that every route refuses it with a 400 before it reaches the
 * validators or the database; then the DTO's own rules.
 */
class InputValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const problems = inputShapeProblems(value, metadata.data, metadata.type);
      if (problems.length > 0) throw badRequest(problems);
    }
    return super.transform(value, metadata);
  }
}

/** Rejects unknown fields and answers 400 with one message per problem, each naming its field. */
export const validationPipe = new InputValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  stopAtFirstError: true,
  exceptionFactory: (errors) => badRequest(validationMessages(errors)),
});
