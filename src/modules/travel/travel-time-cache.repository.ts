import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Position } from '../../planning/travel/offline-travel';
import { TravelMode } from '../../planning/travel/travel-mode';
import { TravelTimeCache } from './travel-time-cache.entity';

export interface TravelTime {
  minutes: number;
  km: number;
}

/** A position rounded to 5 decimals (about 1 m), as text: the cache's key, and what is sent to Google. */
export const roundedCoordinate = (value: number): string => {
  const text = value.toFixed(5);
  // A tiny negative number rounds to "-0.00000", which PostgreSQL stores as 0.
  return text === '-0.00000' ? '0.00000' : text;
};

export const positionKey = (position: Position): string =>
  `${roundedCoordinate(position.lat)},${roundedCoordinate(position.lon)}`;

export const pairKey = (origin: Position, destination: Position): string =>
  `${positionKey(origin)}>${positionKey(destination)}`;

/** The stored Google travel times: looked up and written many pairs per statement. */
@Injectable()
export class TravelTimeCacheRepository {
  constructor(@InjectRepository(TravelTimeCache) private readonly rows: Repository<TravelTimeCache>) {}

  /** The stored times by `mode` between any of `origins` and any of `destinations` at `hourOfWeek`, by pairKey. */
  async find(
    origins: Position[],
    destinations: Position[],
    hourOfWeek: number,
    fetchedSince: Date,
    mode: TravelMode = 'driving',
  ): Promise<Map<string, TravelTime>> {
    const found = new Map<string, TravelTime>();
    if (origins.length === 0 || destinations.length === 0) return found;
    const rows: {
      origin_lat: string;
      origin_lon: string;
      destination_lat: string;
      destination_lon: string;
      minutes: number;
      km: string;
    }[] = await this.rows.query(
      `SELECT origin_lat, origin_lon, destination_lat, destination_lon, minutes, km
         FROM travel_time_cache
        WHERE hour_of_week = $1
          AND fetched_at >= $2
          AND (origin_lat, origin_lon) IN (SELECT * FROM unnest($3::numeric[], $4::numeric[]))
          AND (destination_lat, destination_lon) IN (SELECT * FROM unnest($5::numeric[], $6::numeric[]))
          AND mode = $7`,
      [
        hourOfWeek,
        fetchedSince,
        origins.map((position) => roundedCoordinate(position.lat)),
        origins.map((position) => roundedCoordinate(position.lon)),
        destinations.map((position) => roundedCoordinate(position.lat)),
        destinations.map((position) => roundedCoordinate(position.lon)),
        mode,
      ],
    );
    for (const row of rows) {
      const origin = { lat: Number(row.origin_lat), lon: Number(row.origin_lon) };
      const destination = { lat: Number(row.destination_lat), lon: Number(row.destination_lon) };
      found.set(pairKey(origin, destination), { minutes: row.minutes, km: Number(row.km) });
    }
    return found;
  }

  /** Stores `times` by `mode` at `hourOfWeek`, replacing what was stored for the same pairs. */
  async save(
    times: { origin: Position; destination: Position; time: TravelTime }[],
    hourOfWeek: number,
    mode: TravelMode = 'driving',
  ): Promise<void> {
    if (times.length === 0) return;
    await this.rows.query(
      `INSERT INTO travel_time_cache
              (origin_lat, origin_lon, destination_lat, destination_lon, hour_of_week, mode, minutes, km, fetched_at)
       SELECT origin_lat, origin_lon, destination_lat, destination_lon, $1, $8, minutes, km, now()
         FROM unnest($2::numeric[], $3::numeric[], $4::numeric[], $5::numeric[], $6::integer[], $7::numeric[])
              AS t (origin_lat, origin_lon, destination_lat, destination_lon, minutes, km)
       ON CONFLICT ON CONSTRAINT pk_travel_time_cache
       DO UPDATE SET minutes = EXCLUDED.minutes, km = EXCLUDED.km, fetched_at = EXCLUDED.fetched_at`,
      [
        hourOfWeek,
        times.map(({ origin }) => roundedCoordinate(origin.lat)),
        times.map(({ origin }) => roundedCoordinate(origin.lon)),
        times.map(({ destination }) => roundedCoordinate(destination.lat)),
        times.map(({ destination }) => roundedCoordinate(destination.lon)),
        times.map(({ time }) => time.minutes),
        times.map(({ time }) => time.km.toFixed(3)),
        mode,
      ],
    );
  }

  /** Deletes up to `limit` stored times fetched before `before`; answers how many. */
  async deleteFetchedBefore(before: Date, limit: number): Promise<number> {
    const [, deleted]: [unknown, number] = await this.rows.query(
      `DELETE FROM travel_time_cache
        WHERE ctid IN (SELECT ctid FROM travel_time_cache WHERE fetched_at < $1 LIMIT $2)`,
      [before, limit],
    );
    return deleted;
  }
}
