import { BadRequestException } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { validationMessages } from '../../common/validation/validation-messages';
import { ScenarioDto } from './dto/scenario.dto';
import { checkScenarioReferences } from './scenario-rules';

/** A scenario that cannot be imported: every problem found, each naming its JSON path. */
export class InvalidScenarioException extends BadRequestException {
  constructor(readonly problems: string[]) {
    super({ statusCode: 400, error: 'Bad Request', message: problems });
  }
}

/**
 * Checks a whole scenario document (its shape, then the references between its parts) and returns it typed,
 * with the warnings the coordinator should read. Unknown fields are dropped, as the format allows.
 */
export async function parseScenario(body: unknown): Promise<{ scenario: ScenarioDto; warnings: string[] }> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new InvalidScenarioException([
      '(document): must be a JSON object in the trefpunt-scenario/1 format',
    ]);
  }
  const scenario = plainToInstance(ScenarioDto, body);
  const shapeErrors = await validate(scenario, {
    whitelist: true,
    forbidNonWhitelisted: false,
    stopAtFirstError: true,
  });
  if (shapeErrors.length > 0) throw new InvalidScenarioException(validationMessages(shapeErrors));
  const { errors, warnings } = checkScenarioReferences(scenario);
  if (errors.length > 0) throw new InvalidScenarioException(errors);
  return { scenario, warnings };
}
