import { join } from "node:path";
import { I18n } from "@grammyjs/i18n";
import type { Context } from "grammy";

export const LOCALES_DIR = join(import.meta.dirname, "..", "locales");
export const LOCALE = "vi";

export function createI18n<C extends Context>(): I18n<C> {
  const i18n = new I18n<C>({
    defaultLocale: LOCALE,
    directory: LOCALES_DIR,
    // Everything users read is Vietnamese, whatever their app's language.
    localeNegotiator: () => LOCALE,
    // Without this, Fluent wraps every placeholder in invisible U+2068/U+2069
    // marks that end up in messages and exports.
    fluentBundleOptions: { useIsolating: false },
  });
  keepMatchedBundles(i18n);
  return i18n;
}

/**
 * The plugin negotiates the language anew at every translation (negotiateLanguages over every
 * bundle's locales), a few per cent of an update's CPU (bench/steps.ts). With one locale the answer
 * never changes: it is worked out once. The locales asked are always LOCALE (the negotiator
 * above), so the memo holds one entry.
 */
function keepMatchedBundles(i18n: I18n<never>): void {
  const fluent = i18n.fluent as unknown as { matchBundles(locales: string[]): Set<unknown> };
  const match = fluent.matchBundles.bind(fluent);
  const matched = new Map<string, Set<unknown>>();
  fluent.matchBundles = (locales) => {
    const key = locales.join(",");
    let bundles = matched.get(key);
    if (!bundles) matched.set(key, (bundles = match(locales)));
    return bundles;
  };
}

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** Translation outside an update (scheduled sends, start-up). */
export function translator(i18n: I18n<Context>): Translate {
  return (key, vars) => i18n.t(LOCALE, key, vars);
}
