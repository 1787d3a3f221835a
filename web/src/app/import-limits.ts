/**
 * The service's limits on an import's body (`SCENARIO_BODY_LIMIT`, `TIMETABLE_SIZE_LIMIT`), in megabytes; a
 * unit test holds them equal. A larger file is refused before it is sent: the service answers such an upload
 * before reading it and closes the connection, and a browser still sending may show a network error instead.
 */
export const SCENARIO_MAX_MEGABYTES = 10;
export const TIMETABLE_MAX_MEGABYTES = 5;
