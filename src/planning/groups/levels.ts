/**
 * A woman's Dutch level on the CEFR scale, with A0 for a woman who has not reached A1 yet (often still learning to
 * read and write). The CEFR rather than her inburgering route (B1-route, Z-route, onderwijsroute): a route names
 * where she is heading, not where she is, and women of one route can be far apart; levels are ordered, so how
 * far apart a group's women are can be measured.
 */
export const LEVELS = ['A0', 'A1', 'A2', 'B1', 'B2'] as const;
export type Level = (typeof LEVELS)[number];

/** Its place on the scale: A0 is 0. */
export const levelIndex = (level: Level): number => LEVELS.indexOf(level);
