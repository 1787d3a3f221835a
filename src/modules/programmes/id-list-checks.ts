import { BadRequestException } from '@nestjs/common';
import { isUUID } from 'class-validator';

/**
 * Checks the ids of a list field such as `participantIds`: each a UUID, none twice, each accepted by `require`.
 * Done here rather than in the DTO so that the answer names the element (`participantIds[2]: …`).
 */
export async function requireEach(
  ids: string[],
  field: string,
  require: (id: string, field: string) => Promise<void>,
): Promise<void> {
  const seen = new Map<string, number>();
  ids.forEach((id, index) => {
    if (!isUUID(id)) throw new BadRequestException(`${field}[${index}]: must be a UUID`);
    const earlier = seen.get(id.toLowerCase());
    if (earlier !== undefined)
      throw new BadRequestException(`${field}[${index}]: repeats ${field}[${earlier}]`);
    seen.set(id.toLowerCase(), index);
  });
  for (const [index, id] of ids.entries()) await require(id, `${field}[${index}]`);
}

/** Whether two id lists hold the same ids, in any order. */
export const sameIds = (a: string[], b: string[]): boolean =>
  a.length === b.length &&
  [...a]
    .map((id) => id.toLowerCase())
    .sort()
    .join() ===
    [...b]
      .map((id) => id.toLowerCase())
      .sort()
      .join();
