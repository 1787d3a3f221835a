import { SCENARIO_MAX_MEGABYTES, TIMETABLE_MAX_MEGABYTES } from '../../../web/src/app/import-limits';
import { TIMETABLE_SIZE_LIMIT } from '../../modules/language-providers/timetable-body.middleware';
import { SCENARIO_BODY_LIMIT } from './body-limits';

/** Megabytes of a limit as the body parsers take it ('10mb'). */
const megabytes = (limit: string) => {
  const found = /^(\d+)mb$/i.exec(limit);
  if (!found) throw new Error(`not a limit in megabytes: ${limit}`);
  return Number(found[1]);
};

describe('the web app’s import limits', () => {
  it('are the service’s, so that the browser refuses exactly what the service would', () => {
    expect(SCENARIO_MAX_MEGABYTES).toBe(megabytes(SCENARIO_BODY_LIMIT));
    expect(TIMETABLE_MAX_MEGABYTES).toBe(megabytes(TIMETABLE_SIZE_LIMIT));
  });
});
