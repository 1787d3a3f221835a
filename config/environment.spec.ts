import { InvalidEnvironmentError, validateEnvironment } from './environment';

describe('validateEnvironment', () => {
  it('applies the defaults when nothing is set', () => {
    const environment = validateEnvironment({});
    expect(environment.PORT).toBe(3000);
    expect(environment.TREFPUNT_DATA_DIR).toBe('./.data/pg');
    expect(environment.TREFPUNT_DEMO_DATA).toBe(true);
    expect(environment.DATABASE_URL).toBeUndefined();
    expect(environment.TREFPUNT_LOG_FILE).toBeUndefined();
    expect(environment.TREFPUNT_RATE_LIMIT_PER_TOKEN).toBe(600);
    expect(environment.TREFPUNT_RATE_LIMIT_PER_ADDRESS).toBe(1200);
    expect(environment.TREFPUNT_TRUSTED_PROXIES).toBe(0);
    expect(environment.TREFPUNT_CORS_ORIGINS).toEqual([]);
  });

  it('reads numbers and booleans from their string form', () => {
    const environment = validateEnvironment({ PORT: '8080', TREFPUNT_DEMO_DATA: 'false' });
    expect(environment.PORT).toBe(8080);
    expect(environment.TREFPUNT_DEMO_DATA).toBe(false);
  });

  it('reads the rate limits, the trusted proxies and the log file', () => {
    const environment = validateEnvironment({
      TREFPUNT_RATE_LIMIT_PER_TOKEN: '60',
      TREFPUNT_RATE_LIMIT_PER_ADDRESS: ' 120 ',
      TREFPUNT_TRUSTED_PROXIES: '1',
      TREFPUNT_LOG_FILE: '/var/log/trefpunt/trefpunt.log',
    });
    expect(environment.TREFPUNT_RATE_LIMIT_PER_TOKEN).toBe(60);
    expect(environment.TREFPUNT_RATE_LIMIT_PER_ADDRESS).toBe(120);
    expect(environment.TREFPUNT_TRUSTED_PROXIES).toBe(1);
    expect(environment.TREFPUNT_LOG_FILE).toBe('/var/log/trefpunt/trefpunt.log');
  });

  it("reads the reminders' timer as five cron fields, every five minutes unless set", () => {
    expect(validateEnvironment({}).TREFPUNT_REMINDERS_CRON).toBe('*/5 * * * *');
    expect(
      validateEnvironment({ TREFPUNT_REMINDERS_CRON: '0,30 7-21 * * 1-5' }).TREFPUNT_REMINDERS_CRON,
    ).toBe('0,30 7-21 * * 1-5');
    // Six fields; the right shape but a minute out of range; a step of 0: each would stop every job worker at start.
    for (const cron of ['*/30 * * * * *', '99 * * * *', '*/0 * * * *'])
      expect(() => validateEnvironment({ TREFPUNT_REMINDERS_CRON: cron })).toThrow(
        /TREFPUNT_REMINDERS_CRON must be a cron expression of five fields/,
      );
  });

  it('reads the CORS origins as a comma-separated list, blanks ignored', () => {
    expect(
      validateEnvironment({ TREFPUNT_CORS_ORIGINS: 'https://planning.example.nl, http://localhost:5173,' })
        .TREFPUNT_CORS_ORIGINS,
    ).toEqual(['https://planning.example.nl', 'http://localhost:5173']);
    expect(validateEnvironment({ TREFPUNT_CORS_ORIGINS: '' }).TREFPUNT_CORS_ORIGINS).toEqual([]);
  });

  it('names each origin of TREFPUNT_CORS_ORIGINS that is not one', () => {
    expect(() =>
      validateEnvironment({ TREFPUNT_CORS_ORIGINS: 'https://ok.example, https://slash.example/, *' }),
    ).toThrow(/TREFPUNT_CORS_ORIGINS .*not an origin: "https:\/\/slash.example\/", "\*"$/m);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ TREFPUNT_DEMO_DATA: 'maybe' }, 'TREFPUNT_DEMO_DATA'],
    [{ TREFPUNT_ADMIN_TOKEN: 'short' }, 'TREFPUNT_ADMIN_TOKEN'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ TREFPUNT_RATE_LIMIT_PER_TOKEN: '0' }, 'TREFPUNT_RATE_LIMIT_PER_TOKEN'],
    [{ TREFPUNT_RATE_LIMIT_PER_TOKEN: 'many' }, 'TREFPUNT_RATE_LIMIT_PER_TOKEN'],
    [{ TREFPUNT_RATE_LIMIT_PER_ADDRESS: '-5' }, 'TREFPUNT_RATE_LIMIT_PER_ADDRESS'],
    [{ TREFPUNT_RATE_LIMIT_PER_ADDRESS: '1.5' }, 'TREFPUNT_RATE_LIMIT_PER_ADDRESS'],
    [{ TREFPUNT_TRUSTED_PROXIES: 'yes' }, 'TREFPUNT_TRUSTED_PROXIES'],
    [{ TREFPUNT_TRUSTED_PROXIES: '11' }, 'TREFPUNT_TRUSTED_PROXIES'],
    [{ TREFPUNT_CORS_ORIGINS: 'planning.example.nl' }, 'TREFPUNT_CORS_ORIGINS'],
    [{ TREFPUNT_CORS_ORIGINS: 'https://planning.example.nl/app' }, 'TREFPUNT_CORS_ORIGINS'],
  ])('refuses %j naming %s', (raw, variable) => {
    expect(() => validateEnvironment(raw)).toThrow(InvalidEnvironmentError);
    expect(() => validateEnvironment(raw)).toThrow(variable);
  });
});
