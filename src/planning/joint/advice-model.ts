/* A plain type with no imports: the web app's type check reads it through the plan document's type. */

export interface Advice {
  kind: 'vehicle' | 'care';
  weekday: number;
  locationId: string;
  /** Member-sessions more she could come to with it, over the programme, and in an average week. */
  more: number;
  perWeek: number;
  /** The vehicle it adds (kind `vehicle`): its seats, child seats, and the hours it drives ("HH:mm"). */
  vehicle?: { seats: number; childSeats: number; from: string; to: string };
  /**
   * The care places it adds (kind `care`): how many, the children's ages they take, in months, and the hours they
   * are used ("HH:mm"; absent from advice stored before the hours were named).
   */
  care?: { places: number; minAgeMonths: number; maxAgeMonths: number; from?: string; to?: string };
  /** The advice in English, whole; the web app says it in the coordinator's language from the fields above. */
  text: string;
}
