/* A plain type with no imports: the web app's type check reads it through the plan document's type. */

export interface Advice {
  kind: 'vehicle' | 'care';
  weekday: number;
  locationId: string;
  /** Member-sessions more she could come to with it, over the programme, and in an average week. */
  more: number;
  perWeek: number;
  text: string;
}
