import { ScenarioDto } from './dto/scenario.dto';
import { ImportStep, importSteps } from './scenario-import-progress';

const participant = (lessons: number) => ({
  children: [],
  lessons: new Array(lessons).fill({}),
  appointments: [],
});

const scenario = {
  municipalities: [{}],
  locations: [{}],
  languageProviders: [],
  participants: [participant(3), participant(1)],
  trainers: [{}],
  interpreters: [],
  vehicles: [{}],
  childcareProviders: [],
  programme: { groups: [{ participantIds: ['a', 'b'] }] },
} as unknown as ScenarioDto;

const STEPS: ImportStep[] = [
  'region and locations',
  'participants',
  'children',
  'lessons',
  'appointments',
  'staff',
  'vehicles',
  'childcare',
  'programme and groups',
  'conflicts',
];

describe('importSteps', () => {
  it('reports each step at the share of the rows written before it, from 0, rising, below 1', () => {
    const reported: [number, string][] = [];
    const step = importSteps(scenario, (fraction, name) => reported.push([fraction, name]));
    STEPS.forEach(step);
    expect(reported.map(([, name]) => name)).toEqual(STEPS);
    const fractions = reported.map(([fraction]) => fraction);
    expect(fractions[0]).toBe(0);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.at(-1)).toBeLessThan(1);
    // Region, municipality and location: 3 rows; participants 2; lessons 4; of 17 rows in all.
    expect(reported[3][0]).toBeCloseTo(5 / 17);
    expect(reported[4][0]).toBeCloseTo(9 / 17);
  });

  it('reports nothing without a callback', () => {
    expect(() => importSteps(scenario)('participants')).not.toThrow();
  });
});
