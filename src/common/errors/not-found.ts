import { NotFoundException } from '@nestjs/common';

/** 404 naming what was looked for, e.g. `participant 3f2…: not found`. */
export function notFound(what: string, id: string): NotFoundException {
  return new NotFoundException(`${what} ${id}: not found`);
}
