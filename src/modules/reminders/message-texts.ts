import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { i18n } from 'i18next';
import { DateTime } from 'luxon';

/** The languages with templates (files in ./locales a translator can edit): Dutch (B1) and seven more. */
export const TEMPLATE_LANGUAGES = ['nl', 'en', 'ar', 'ti', 'prs', 'so', 'tr', 'uk'] as const;

/** The locale the dates are written in; Dari's weekdays and months are those of Persian in Afghanistan. */
const DATE_LOCALES: Record<string, string> = { en: 'en-GB', prs: 'fa-AF' };

/**
 * The calendar she counts days in, Gregorian unless named here. Named for every date part at once: the locale's
 * own default calendar gave Dari the Persian month name beside the Gregorian day (11 January 2027 read
 * "11 Jadi"; it is 21 Jadi 1405).
 */
const DATE_CALENDARS: Record<string, string> = { prs: 'persian', fa: 'persian' };

/**
 * Values put into a message go between First Strong Isolate and Pop Directional Isolate: a Latin place name or a
 * time inside Arabic, Dari or Tigrinya (or an Arabic name inside Dutch) keeps its own direction, and the
 * punctuation around it stays where the sentence has it instead of moving mid-line. In these languages every
 * value is isolated; elsewhere only a value written right to left, so that a Dutch or English text message stays
 * in the SMS alphabet (a character outside it makes every part of the message less than half as long). A link is
 * never wrapped: a phone must still see where it ends to make it tappable.
 */
const ISOLATE_EVERY_VALUE = new Set(['ar', 'prs', 'fa', 'ti']);
const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;
const LINK = /^https?:\/\//;
export const isolateFor = (language: string, value: string): string =>
  !LINK.test(value) && (ISOLATE_EVERY_VALUE.has(language) || RIGHT_TO_LEFT.test(value))
    ? `\u2068${value}\u2069`
    : value;

/** One sentence of a message: a template key and its values, which may be functions of the language (dates). */
export interface TextPart {
  key: string;
  values?: TextValues;
}
export type TextValues = Record<string, string | ((language: string) => string)>;

/**
 * Writes messages from the template files with i18next, every value isolated in its own direction. A language
 * without templates gets the message in Dutch and in English, one after the other: someone at home or the
 * municipality can help her read it.
 */
export class MessageTexts {
  private readonly i18n: i18n;

  constructor(localesDir = join(__dirname, 'locales')) {
    const resources = Object.fromEntries(
      TEMPLATE_LANGUAGES.map((language) => [
        language,
        { translation: JSON.parse(readFileSync(join(localesDir, `${language}.json`), 'utf8')) },
      ]),
    );
    this.i18n = i18next.createInstance();
    // Messages are plain text, so nothing is escaped; values are isolated by language before they go in (write,
    // text). initAsync false: the resources are here already.
    void this.i18n.init({
      resources,
      lng: 'nl',
      fallbackLng: 'nl',
      interpolation: { escapeValue: false },
      initAsync: false,
      showSupportNotice: false,
    });
  }

  /** The languages a message goes out in for her: her own, or Dutch and English together. */
  languagesFor(language: string): string[] {
    return (TEMPLATE_LANGUAGES as readonly string[]).includes(language) ? [language] : ['nl', 'en'];
  }

  /**
   * A message in her language(s), each sentence after the other (`between`, a space unless told), each language
   * after the other with a blank line between.
   */
  write(language: string, parts: TextPart[], between = ' '): { language: string; text: string } {
    const languages = this.languagesFor(language);
    const text = languages
      .map((lng) => parts.map((part) => this.translate(lng, part.key, part.values)).join(between))
      .join('\n\n');
    return { language: languages.join('+'), text };
  }

  /**
   * One line in each of her languages, joined by ` / `: an e-mail subject or a calendar title in the languages
   * of the text beneath it, never a third.
   */
  line(language: string, key: string, values: TextValues = {}): string {
    return this.languagesFor(language)
      .map((lng) => this.translate(lng, key, values))
      .join(' / ');
  }

  private translate(lng: string, key: string, values: TextValues = {}): string {
    return this.i18n.t(key, {
      lng,
      ...Object.fromEntries(
        Object.entries(values).map(([name, value]) => [
          name,
          isolateFor(lng, typeof value === 'function' ? value(lng) : value),
        ]),
      ),
    });
  }

  /** A single template in one language, e.g. for the absence page. */
  text(language: string, key: string, values: Record<string, string> = {}): string {
    return this.translate(this.languagesFor(language)[0], key, values);
  }
}

/** A date as the words of a language, in her calendar: `dinsdag 12 januari`, `Tuesday 12 January`. */
export function dayInWords(instant: Date, zone: string, language: string): string {
  const local = DateTime.fromJSDate(instant, { zone }).reconfigure({
    locale: DATE_LOCALES[language] ?? language,
    outputCalendar: DATE_CALENDARS[language] ?? 'gregory',
  });
  return (local.isValid ? local : DateTime.fromJSDate(instant, { zone }).setLocale('nl')).toFormat(
    'cccc d MMMM',
  );
}
