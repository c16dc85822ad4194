// Process entry: settings → database → bot; stops cleanly on SIGTERM/SIGINT.
import { ConfigError, loadConfig, loadDotEnv } from "./config.js";
import { startApp, type App } from "./app.js";
import { createI18n, LOCALE } from "./i18n.js";

const i18n = createI18n();

function fail(line: string): never {
  process.stderr.write(`${line}\n`);
  process.exit(1);
}

loadDotEnv();
let config;
try {
  config = loadConfig();
} catch (e) {
  if (!(e instanceof ConfigError)) throw e;
  const name = e.variable;
  fail(
    e.missing
      ? i18n.t(LOCALE, "config-missing", { name })
      : i18n.t(LOCALE, "config-invalid", { name, hint: i18n.t(LOCALE, `config-hint-${name}`) }),
  );
}

let app: App;
try {
  app = await startApp(config);
} catch (e) {
  fail(i18n.t(LOCALE, "startup-db-failed", { reason: (e as Error).message.split("\n")[0]!.slice(0, 200) }));
}

let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1);
    stopping = true;
    // A stuck update must not keep the process alive for ever.
    setTimeout(() => process.exit(1), 10_000).unref();
    void app.stop().then(() => process.exit(0));
  });
}
