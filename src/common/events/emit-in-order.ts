import { EventEmitter2 } from '@nestjs/event-emitter';

/**
 * Runs an event's listeners one after the other, in the order they were registered (a listener that must come
 * first says `prependListener`), inside the caller's transaction. Each sees what the one before wrote;
 * `emitAsync` would run them at once on one connection.
 */
export async function emitInOrder(events: EventEmitter2, name: string, payload: object): Promise<void> {
  for (const listener of events.listeners(name)) await listener(payload);
}
