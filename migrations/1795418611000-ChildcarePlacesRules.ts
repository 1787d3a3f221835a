import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A provider's places cannot be overbooked by changing them: its age bands must not overlap (a child in two
 * bands was counted in the first only), and no band may hold fewer places than children are booked in it at
 * once, from today on (earlier days are history). Both are the schema's rules, checked at commit.
 *
 * Existing data: overlapping bands make this migration fail with the providers named, since which band should
 * win is the coordinator's choice, not ours. Bookings already above a band's places are left as they are: the
 * rule holds for changes from now on, and the first change to that provider's places shows them.
 */
export class ChildcarePlacesRules1795418611000 implements MigrationInterface {
  name = 'ChildcarePlacesRules1795418611000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const overlaps: { provider_id: string; name: string; bands: string }[] = await queryRunner.query(`
      SELECT provider.id AS provider_id, provider.name,
        string_agg(DISTINCT format('%s-%s and %s-%s months', a.min_age_months, a.max_age_months,
          b.min_age_months, b.max_age_months), '; ') AS bands
      FROM childcare_places a
      JOIN childcare_places b ON b.provider_id = a.provider_id AND a.id < b.id
        AND a.min_age_months <= b.max_age_months AND b.min_age_months <= a.max_age_months
      JOIN childcare_providers provider ON provider.id = a.provider_id
      GROUP BY provider.id, provider.name
      ORDER BY provider.name`);
    if (overlaps.length > 0) {
      throw new Error(
        'childcare providers with overlapping age bands; make their bands separate (PATCH /childcare-providers/{id} ' +
          `or UPDATE childcare_places) and migrate again: ${overlaps
            .map((row) => `${row.name} (${row.provider_id}): ${row.bands}`)
            .join(' | ')}`,
      );
    }

    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    // Deferred: a PATCH writes the new bands before it deletes the old ones.
    await queryRunner.query(`
      ALTER TABLE childcare_places ADD CONSTRAINT ex_childcare_places_ages
      EXCLUDE USING gist (provider_id WITH =, int4range(min_age_months, max_age_months, '[]') WITH &&)
      DEFERRABLE INITIALLY DEFERRED`);

    // The bands (or, with no band, the ages) of a provider with more children booked at once than places, on
    // its region's today or later. The API asks it to name the band; the trigger below to refuse the change.
    await queryRunner.query(`
      CREATE FUNCTION childcare_places_overbooked(of_provider uuid)
      RETURNS TABLE (min_age_months integer, max_age_months integer, capacity integer, booked bigint,
        care_date date, age_months integer)
      LANGUAGE sql STABLE AS $$
        WITH booked AS (
          SELECT booking.id, booking.care_date, booking."from", booking."to", booking.age_months,
            band.id AS band_id, band.min_age_months, band.max_age_months, coalesce(band.capacity, 0) AS capacity
          FROM childcare_bookings booking
          JOIN childcare_providers owner ON owner.id = booking.provider_id
          JOIN regions region ON region.id = owner.region_id
          LEFT JOIN childcare_places band ON band.provider_id = booking.provider_id
            AND booking.age_months BETWEEN band.min_age_months AND band.max_age_months
          WHERE booking.provider_id = of_provider AND booking.status <> 'cancelled'
            AND booking.care_date >= (now() AT TIME ZONE region.timezone)::date
        ), at_once AS (
          SELECT one.band_id, one.min_age_months, one.max_age_months, one.capacity, one.care_date,
            one.age_months,
            (SELECT count(*) FROM booked other
              WHERE other.band_id IS NOT DISTINCT FROM one.band_id AND other.care_date = one.care_date
                AND other."from" <= one."from" AND one."from" < other."to") AS booked
          FROM booked one
        )
        SELECT min_age_months, max_age_months, capacity, max(booked), care_date, min(age_months)
        FROM at_once WHERE booked > capacity
        GROUP BY band_id, min_age_months, max_age_months, capacity, care_date
        ORDER BY min_age_months NULLS FIRST, care_date
      $$`);

    // Every change to a provider's places takes its row lock, as every booking does (below): a change and a
    // booking of one provider are judged one after the other, each seeing what the other committed.
    await queryRunner.query(`
      CREATE FUNCTION childcare_places_cover_bookings() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        changed uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.provider_id ELSE NEW.provider_id END;
        short record;
      BEGIN
        PERFORM 1 FROM childcare_providers WHERE id = changed FOR NO KEY UPDATE;
        IF NOT FOUND THEN
          RETURN NULL;
        END IF;
        SELECT * INTO short FROM childcare_places_overbooked(changed) LIMIT 1;
        IF FOUND THEN
          IF short.min_age_months IS NULL THEN
            RAISE EXCEPTION 'childcare provider % has no band left for a booked child of % months on %: cancel or move the bookings first',
              changed, short.age_months, short.care_date USING ERRCODE = 'TPC01';
          END IF;
          RAISE EXCEPTION 'childcare provider % would have % places for ages % to % months, but % children are booked at once on %: cancel or move bookings first',
            changed, short.capacity, short.min_age_months, short.max_age_months, short.booked, short.care_date
            USING ERRCODE = 'TPC01';
        END IF;
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(`
      CREATE CONSTRAINT TRIGGER trg_childcare_places_cover_bookings
      AFTER INSERT OR UPDATE OR DELETE ON childcare_places
      DEFERRABLE INITIALLY DEFERRED
      FOR EACH ROW EXECUTE FUNCTION childcare_places_cover_bookings()`);

    // As before (ChildcareBookingsAndAbsences), but locking the provider rather than one band: a change of the
    // places replaces the band rows, and a booking waiting on a replaced row would not see the new ones.
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION childcare_booking_within_places() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        booking childcare_bookings%ROWTYPE;
        band childcare_places%ROWTYPE;
        peak integer;
      BEGIN
        SELECT * INTO booking FROM childcare_bookings WHERE id = NEW.id;
        IF NOT FOUND OR booking.status = 'cancelled' THEN
          RETURN NULL;
        END IF;
        PERFORM 1 FROM childcare_providers WHERE id = booking.provider_id FOR NO KEY UPDATE;
        SELECT * INTO band FROM childcare_places
          WHERE provider_id = booking.provider_id
            AND booking.age_months BETWEEN min_age_months AND max_age_months
          ORDER BY min_age_months, max_age_months, id
          LIMIT 1;
        IF NOT FOUND THEN
          RAISE EXCEPTION 'childcare provider % has no places for a child of % months', booking.provider_id,
            booking.age_months USING ERRCODE = 'TPC01';
        END IF;
        SELECT max(at_once) INTO peak FROM (
          SELECT (
            SELECT count(*) FROM childcare_bookings other
            WHERE other.provider_id = booking.provider_id AND other.care_date = booking.care_date
              AND other.status <> 'cancelled'
              AND other.age_months BETWEEN band.min_age_months AND band.max_age_months
              AND other."from" <= moment AND moment < other."to"
          ) AS at_once
          FROM (
            SELECT booking."from" AS moment
            UNION
            SELECT other."from" FROM childcare_bookings other
            WHERE other.provider_id = booking.provider_id AND other.care_date = booking.care_date
              AND other.status <> 'cancelled'
              AND other."from" > booking."from" AND other."from" < booking."to"
          ) moments
        ) counts;
        IF peak > band.capacity THEN
          RAISE EXCEPTION 'no place left: childcare provider % has % places for ages % to % months, and % children would be there at once on %',
            booking.provider_id, band.capacity, band.min_age_months, band.max_age_months, peak, booking.care_date
            USING ERRCODE = 'TPC01';
        END IF;
        RETURN NULL;
      END
      $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION childcare_booking_within_places() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        booking childcare_bookings%ROWTYPE;
        band childcare_places%ROWTYPE;
        peak integer;
      BEGIN
        SELECT * INTO booking FROM childcare_bookings WHERE id = NEW.id;
        IF NOT FOUND OR booking.status = 'cancelled' THEN
          RETURN NULL;
        END IF;
        SELECT * INTO band FROM childcare_places
          WHERE provider_id = booking.provider_id
            AND booking.age_months BETWEEN min_age_months AND max_age_months
          ORDER BY min_age_months, max_age_months, id
          LIMIT 1
          FOR UPDATE;
        IF NOT FOUND THEN
          RAISE EXCEPTION 'childcare provider % has no places for a child of % months', booking.provider_id,
            booking.age_months USING ERRCODE = 'TPC01';
        END IF;
        SELECT max(at_once) INTO peak FROM (
          SELECT (
            SELECT count(*) FROM childcare_bookings other
            WHERE other.provider_id = booking.provider_id AND other.care_date = booking.care_date
              AND other.status <> 'cancelled'
              AND other.age_months BETWEEN band.min_age_months AND band.max_age_months
              AND other."from" <= moment AND moment < other."to"
          ) AS at_once
          FROM (
            SELECT booking."from" AS moment
            UNION
            SELECT other."from" FROM childcare_bookings other
            WHERE other.provider_id = booking.provider_id AND other.care_date = booking.care_date
              AND other.status <> 'cancelled'
              AND other."from" > booking."from" AND other."from" < booking."to"
          ) moments
        ) counts;
        IF peak > band.capacity THEN
          RAISE EXCEPTION 'no place left: childcare provider % has % places for ages % to % months, and % children would be there at once on %',
            booking.provider_id, band.capacity, band.min_age_months, band.max_age_months, peak, booking.care_date
            USING ERRCODE = 'TPC01';
        END IF;
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(`DROP TRIGGER trg_childcare_places_cover_bookings ON childcare_places`);
    await queryRunner.query(`DROP FUNCTION childcare_places_cover_bookings()`);
    await queryRunner.query(`DROP FUNCTION childcare_places_overbooked(uuid)`);
    await queryRunner.query(`ALTER TABLE childcare_places DROP CONSTRAINT ex_childcare_places_ages`);
  }
}
