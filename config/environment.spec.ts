import { InvalidEnvironmentError, validateEnvironment } from './environment';

describe('validateEnvironment', () => {
  it('applies the defaults when nothing is set', () => {
    const environment = validateEnvironment({});
    expect(environment.PORT).toBe(3000);
    expect(environment.TREFPUNT_DATA_DIR).toBe('./.data/pg');
    expect(environment.TREFPUNT_DEMO_DATA).toBe(true);
    expect(environment.DATABASE_URL).toBeUndefined();
  });

  it('reads numbers and booleans from their string form', () => {
    const environment = validateEnvironment({ PORT: '8080', TREFPUNT_DEMO_DATA: 'false' });
    expect(environment.PORT).toBe(8080);
    expect(environment.TREFPUNT_DEMO_DATA).toBe(false);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ TREFPUNT_DEMO_DATA: 'maybe' }, 'TREFPUNT_DEMO_DATA'],
    [{ TREFPUNT_ADMIN_TOKEN: 'short' }, 'TREFPUNT_ADMIN_TOKEN'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
  ])('refuses %j naming %s', (raw, variable) => {
    expect(() => validateEnvironment(raw)).toThrow(InvalidEnvironmentError);
    expect(() => validateEnvironment(raw)).toThrow(variable);
  });
});
