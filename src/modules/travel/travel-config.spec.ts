import { DEFAULT_TRAVEL_MODEL } from '../../planning/travel/offline-travel';
import { DEFAULT_TRANSIT_MODEL } from '../../planning/travel/transit-travel';
import { readTravelConfig } from './travel-config';

describe('readTravelConfig', () => {
  it('is offline with the default model when nothing is set', () => {
    const config = readTravelConfig({});
    expect(config.google).toBeNull();
    expect(config.offlineModel).toEqual(DEFAULT_TRAVEL_MODEL);
    expect(config.transitModel).toEqual(DEFAULT_TRANSIT_MODEL);
  });

  it('treats an empty or blank API key as none', () => {
    expect(readTravelConfig({ GOOGLE_MAPS_API_KEY: '' }).google).toBeNull();
    expect(readTravelConfig({ GOOGLE_MAPS_API_KEY: '   ' }).google).toBeNull();
  });

  it('reads the Google settings with their defaults once a key is set', () => {
    expect(readTravelConfig({ GOOGLE_MAPS_API_KEY: 'a-key' }).google).toEqual({
      apiKey: 'a-key',
      baseUrl: 'https://maps.googleapis.com',
      retries: 3,
      retryDelayMs: 500,
      timeoutMs: 10000,
    });
    expect(
      readTravelConfig({
        GOOGLE_MAPS_API_KEY: 'a-key',
        GOOGLE_MAPS_BASE_URL: 'http://127.0.0.1:4000/',
        GOOGLE_MAPS_RETRIES: '0',
        GOOGLE_MAPS_RETRY_DELAY_MS: '5',
        GOOGLE_MAPS_TIMEOUT_MS: '2000',
        GOOGLE_MAPS_CACHE_DAYS: '7',
      }).google,
    ).toEqual({
      apiKey: 'a-key',
      baseUrl: 'http://127.0.0.1:4000',
      retries: 0,
      retryDelayMs: 5,
      timeoutMs: 2000,
    });
  });

  it('reads how long Google times are kept with or without a key (an instance without one may clean them up)', () => {
    expect(readTravelConfig({}).keptDays).toBe(30);
    expect(readTravelConfig({ GOOGLE_MAPS_CACHE_DAYS: '7' }).keptDays).toBe(7);
    expect(readTravelConfig({ GOOGLE_MAPS_API_KEY: 'a-key', GOOGLE_MAPS_CACHE_DAYS: '0' }).keptDays).toBe(0);
  });

  it('reads the offline model knobs', () => {
    expect(
      readTravelConfig({
        TREFPUNT_TRAVEL_DETOUR_FACTOR: '1.5',
        TREFPUNT_TRAVEL_SPEEDS: '10:30,*:80',
        TREFPUNT_TRAVEL_FIXED_MINUTES: '0',
      }).offlineModel,
    ).toEqual({
      detourFactor: 1.5,
      speeds: [
        { upToKm: 10, kmPerHour: 30 },
        { upToKm: Infinity, kmPerHour: 80 },
      ],
      fixedMinutes: 0,
    });
  });

  it('reads the public-transport model knobs', () => {
    expect(
      readTravelConfig({
        TREFPUNT_TRAVEL_DETOUR_FACTOR: '1.2',
        TREFPUNT_TRANSIT_WALK_KMH: '4',
        TREFPUNT_TRANSIT_STOP_WALK_KM: '0.6',
        TREFPUNT_TRANSIT_DETOUR_FACTOR: '1.5',
        TREFPUNT_TRANSIT_SPEEDS: '8:18,*:40',
        TREFPUNT_TRANSIT_HEADWAYS: '5:10,20:30,*:60',
        TREFPUNT_TRANSIT_TRANSFER_BEYOND_KM: '12',
        TREFPUNT_TRANSIT_TRANSFER_MINUTES: '8',
      }).transitModel,
    ).toEqual({
      walkKmPerHour: 4,
      walkDetourFactor: 1.2,
      stopWalkKm: 0.6,
      detourFactor: 1.5,
      speeds: [
        { upToKm: 8, kmPerHour: 18 },
        { upToKm: Infinity, kmPerHour: 40 },
      ],
      headways: [
        { upToKm: 5, minutes: 10 },
        { upToKm: 20, minutes: 30 },
        { upToKm: Infinity, minutes: 60 },
      ],
      transferBeyondKm: 12,
      transferMinutes: 8,
    });
  });

  it.each([
    [{ TREFPUNT_TRANSIT_WALK_KMH: 'slow' }, 'TREFPUNT_TRANSIT_WALK_KMH must be a number from 2 to 8'],
    [{ TREFPUNT_TRANSIT_STOP_WALK_KM: '-0.1' }, 'TREFPUNT_TRANSIT_STOP_WALK_KM must be a number from 0 to 3'],
    [
      { TREFPUNT_TRANSIT_DETOUR_FACTOR: '0.9' },
      'TREFPUNT_TRANSIT_DETOUR_FACTOR must be a number from 1 to 3',
    ],
    [{ TREFPUNT_TRANSIT_SPEEDS: '10:20' }, 'TREFPUNT_TRANSIT_SPEEDS must be speed bands'],
    [
      { TREFPUNT_TRANSIT_HEADWAYS: '10:30,*:15' },
      'TREFPUNT_TRANSIT_HEADWAYS must be headways such as 10:15,*:30',
    ],
    [{ TREFPUNT_TRANSIT_HEADWAYS: '10:0,*:15' }, 'is not a headway above 0 minutes'],
    [{ TREFPUNT_TRANSIT_TRANSFER_BEYOND_KM: '0' }, 'TREFPUNT_TRANSIT_TRANSFER_BEYOND_KM must be a number'],
    [{ TREFPUNT_TRANSIT_TRANSFER_MINUTES: '61' }, 'TREFPUNT_TRANSIT_TRANSFER_MINUTES must be a number'],
  ])('refuses the public-transport knobs %j, naming the variable', (raw, message) => {
    expect(() => readTravelConfig(raw)).toThrow(message);
  });

  it.each([
    [{ TREFPUNT_TRAVEL_DETOUR_FACTOR: 'long' }, 'TREFPUNT_TRAVEL_DETOUR_FACTOR must be a number'],
    [{ TREFPUNT_TRAVEL_DETOUR_FACTOR: '0.8' }, 'TREFPUNT_TRAVEL_DETOUR_FACTOR must be a number from 1 to 3'],
    [{ TREFPUNT_TRAVEL_SPEEDS: '5:25' }, 'TREFPUNT_TRAVEL_SPEEDS must be speed bands'],
    [{ TREFPUNT_TRAVEL_FIXED_MINUTES: '2.5' }, 'TREFPUNT_TRAVEL_FIXED_MINUTES must be a whole number'],
    [{ TREFPUNT_TRAVEL_FIXED_MINUTES: '-1' }, 'TREFPUNT_TRAVEL_FIXED_MINUTES must be a whole number'],
    [{ GOOGLE_MAPS_BASE_URL: 'maps.googleapis.com' }, 'GOOGLE_MAPS_BASE_URL must be an http(s) URL'],
    [{ GOOGLE_MAPS_BASE_URL: 'ftp://maps.example' }, 'GOOGLE_MAPS_BASE_URL must be an http(s) URL'],
    [{ GOOGLE_MAPS_RETRIES: '11' }, 'GOOGLE_MAPS_RETRIES must be a whole number'],
    [{ GOOGLE_MAPS_RETRY_DELAY_MS: 'soon' }, 'GOOGLE_MAPS_RETRY_DELAY_MS must be a whole number'],
    [{ GOOGLE_MAPS_TIMEOUT_MS: '10' }, 'GOOGLE_MAPS_TIMEOUT_MS must be a whole number'],
    [{ GOOGLE_MAPS_CACHE_DAYS: '31' }, 'GOOGLE_MAPS_CACHE_DAYS must be a whole number of days from 0 to 30'],
  ])('refuses %j, naming the variable', (raw, message) => {
    expect(() => readTravelConfig(raw)).toThrow(message);
  });

  it('says what is wrong with the speed bands', () => {
    expect(() => readTravelConfig({ TREFPUNT_TRAVEL_SPEEDS: '20:45,5:25,*:70' })).toThrow(
      /TREFPUNT_TRAVEL_SPEEDS .*5 follows 20/,
    );
  });
});
