/**
 * The reminder job has claimed a region and is writing what is due as of `at`: other messages that follow the
 * same evening-before and morning-of rule (talks) are written by their own module in the same transaction, under
 * the same claim. Listeners add what they wrote to `written`.
 */
export const REMINDERS_DUE = 'reminders.due';

export class RemindersDue {
  readonly written = { count: 0 };

  constructor(
    readonly regionId: string,
    readonly zone: string,
    readonly at: Date,
    /** A run as of an instant long past: write them as back-filled, never sent. */
    readonly backfill: boolean,
  ) {}
}
