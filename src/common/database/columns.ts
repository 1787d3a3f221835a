import {
  Column,
  CreateDateColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  ValueTransformer,
} from 'typeorm';

/** PostgreSQL answers `time` as `HH:MM:SS`; the API and the scenario speak `HH:MM`. */
export const timeOfDayTransformer: ValueTransformer = {
  to: (value: string | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : value.slice(0, 5)),
};

/** PostgreSQL answers `numeric` as text, to keep precision; ours fit a JavaScript number. */
export const numericTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * node-postgres answers a `date[]` with JavaScript Dates at local midnight (a plain `date` column TypeORM already
 * answers as text): back to `YYYY-MM-DD`, read with the same local clock.
 */
export const dateListTransformer: ValueTransformer = {
  to: (value: string[] | null | undefined) => value,
  from: (value: (string | Date)[] | null) =>
    value?.map((date) =>
      typeof date === 'string'
        ? date
        : `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`,
    ) ?? null,
};

/** A wall-clock time of day, local to the region's time zone. */
export const TimeOfDayColumn = (options: { nullable?: boolean } = {}) =>
  Column({ type: 'time', transformer: timeOfDayTransformer, ...options });

/** Columns every stored record has. */
export abstract class BaseRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** A WGS84 position, embedded as `<name>_lat` and `<name>_lon`. */
export class Position {
  @Column({ type: 'double precision' })
  lat: number;

  @Column({ type: 'double precision' })
  lon: number;
}

/** A position that can be wiped: a participant's home, gone when she is erased. */
export class ErasablePosition {
  @Column({ type: 'double precision', nullable: true })
  lat: number;

  @Column({ type: 'double precision', nullable: true })
  lon: number;
}

/** A weekly window of wall-clock time (opening hours, availability), stored one row per window. */
export abstract class WeeklyWindowColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'smallint' })
  weekday: number;

  @TimeOfDayColumn()
  from: string;

  @TimeOfDayColumn()
  to: string;
}
