import { ValidationError } from 'class-validator';

const segment = (property: string) => (/^\d+$/.test(property) ? `[${property}]` : `.${property}`);

/**
 * Flattens class-validator's tree into one line per problem, each starting with the JSON path of the field:
 * `participants[3].lessons[0].from: must be a time of day as HH:MM`.
 */
export function validationMessages(errors: ValidationError[], parentPath = ''): string[] {
  return errors.flatMap((error) => {
    const path = `${parentPath}${segment(error.property)}`.replace(/^\./, '');
    // A field left out fails whichever rule comes first ("must be shorter than 200 characters"): say what is wrong.
    // Optional fields are never checked when left out, so one that is checked was required.
    if (error.value === undefined && error.constraints) return [`${path}: is required`];
    const own = Object.values(error.constraints ?? {}).map((message) => {
      const withoutName = message.startsWith(`${error.property} `)
        ? message.slice(error.property.length + 1)
        : message;
      return `${path}: ${withoutName}`;
    });
    return [...own, ...validationMessages(error.children ?? [], path)];
  });
}
