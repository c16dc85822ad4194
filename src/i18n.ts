import { join } from "node:path";
import { I18n } from "@grammyjs/i18n";
import type { Context } from "grammy";

export const LOCALES_DIR = join(import.meta.dirname, "..", "locales");
export const LOCALE = "vi";

export function createI18n<C extends Context>(): I18n<C> {
  return new I18n<C>({
    defaultLocale: LOCALE,
    directory: LOCALES_DIR,
    // Without this, Fluent wraps every placeholder in invisible U+2068/U+2069
    // marks that end up in messages and exports.
    fluentBundleOptions: { useIsolating: false },
  });
}

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** Translation outside an update (scheduled sends, start-up). */
export function translator(i18n: I18n<Context>): Translate {
  return (key, vars) => i18n.t(LOCALE, key, vars);
}
