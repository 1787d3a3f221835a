import { Logger } from '@nestjs/common';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** Every table with a phone number the API takes in (the outbox keeps its own copy of what it sent). */
const TABLES = ['participants', 'drivers'] as const;

/** As the API stores them from now on (src/common/validation/phone-number.ts), kept here as it was today. */
function toE164(text: string): string | undefined {
  const parsed = parsePhoneNumberFromString(text, 'NL');
  return parsed && parsed.isValid() && !parsed.ext ? parsed.number : undefined;
}

/**
 * Stored phone numbers become E.164 (`+31 6 11112222` and `06-11112222` both `+31611112222`). A number that is
 * not one in use is left as it was, not refused: the migration must not stop the service nor lose what a
 * coordinator typed. They are counted and their records' ids logged (never the numbers: personal data), for a
 * coordinator to mend; the API refuses them once the record is saved again.
 */
export class NormalisePhoneNumbers1795418610000 implements MigrationInterface {
  name = 'NormalisePhoneNumbers1795418610000';

  private readonly logger = new Logger('NormalisePhoneNumbers');

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      const rows: { id: string; phone: string }[] = await queryRunner.query(
        `SELECT "id", "phone" FROM "${table}" WHERE "phone" IS NOT NULL`,
      );
      const ids: string[] = [];
      const phones: string[] = [];
      const left: string[] = [];
      for (const { id, phone } of rows) {
        const normalised = toE164(phone);
        if (normalised === undefined) left.push(id);
        else if (normalised !== phone) {
          ids.push(id);
          phones.push(normalised);
        }
      }
      if (ids.length > 0) {
        await queryRunner.query(
          `UPDATE "${table}" SET "phone" = given.phone
           FROM unnest($1::uuid[], $2::text[]) AS given(id, phone) WHERE "${table}"."id" = given.id`,
          [ids, phones],
        );
      }
      this.logger.log(
        `${table}: ${ids.length} phone numbers normalised to E.164, ${left.length} left as they were`,
      );
      if (left.length > 0) {
        this.logger.warn(
          `${table}: ${left.length} phone numbers are not a number in use and were left as they were; ` +
            `mend them by hand: ${left.join(', ')}`,
        );
      }
    }
  }

  /** The typed forms are not kept: E.164 stays, which every earlier version also takes. */
  public async down(): Promise<void> {}
}
