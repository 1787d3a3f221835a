import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { i18n } from 'i18next';
import { DateTime } from 'luxon';

/** The languages with templates (files in ./locales a translator can edit): Dutch (B1) and seven more. */
export const TEMPLATE_LANGUAGES = ['nl', 'en', 'ar', 'ti', 'prs', 'so', 'tr', 'uk'] as const;

/** The locale the dates are written in; Dari's weekdays and months are those of Persian in Afghanistan. */
const DATE_LOCALES: Record<string, string> = { en: 'en-GB', prs: 'fa-AF' };

/** One sentence of a message: a template key and its values. */
export interface TextPart {
  key: string;
  values?: Record<string, string>;
}

/**
 * Writes messages from the template files with i18next. A language without templates gets the message in Dutch
 * and in English, one after the other: someone at home or the municipality can help her read it.
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
    // Messages are plain text: nothing to escape; initImmediate false: the resources are here already.
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

  /** A message in her language(s); `values` may be functions of the language (dates in words). */
  write(
    language: string,
    parts: { key: string; values?: Record<string, string | ((language: string) => string)> }[],
  ): { language: string; text: string } {
    const languages = this.languagesFor(language);
    const text = languages
      .map((lng) =>
        parts
          .map((part) =>
            this.i18n.t(part.key, {
              lng,
              ...Object.fromEntries(
                Object.entries(part.values ?? {}).map(([name, value]) => [
                  name,
                  typeof value === 'function' ? value(lng) : value,
                ]),
              ),
            }),
          )
          .join(' '),
      )
      .join('\n\n');
    return { language: languages.join('+'), text };
  }

  /** A single template in one language, e.g. for the absence page. */
  text(language: string, key: string, values: Record<string, string> = {}): string {
    return this.i18n.t(key, { lng: this.languagesFor(language)[0], ...values });
  }
}

/** A date as the words of a language: `dinsdag 12 januari`, `Tuesday 12 January`. */
export function dayInWords(instant: Date, zone: string, language: string): string {
  const locale = DATE_LOCALES[language] ?? language;
  const local = DateTime.fromJSDate(instant, { zone }).setLocale(locale);
  return (local.isValid ? local : DateTime.fromJSDate(instant, { zone }).setLocale('nl')).toFormat(
    'cccc d MMMM',
  );
}
