// Process entry: settings → database → bot; stops cleanly on SIGTERM/SIGINT.
import { ConfigError, loadConfig, loadDotEnv, loadServerConfig } from "./config.js";
import { startApp, type App } from "./app.js";
import { createI18n, LOCALE } from "./i18n.js";

const i18n = createI18n();

function fail(line: string): never {
  process.stderr.write(`${line.trimEnd()}\n`);
  process.exit(1);
}

/** After the first SIGTERM/SIGINT, the process exits by this time even if something hangs. */
const STOP_DEADLINE_MS = 10_000;

loadDotEnv();
let config;
let server;
try {
  config = loadConfig();
  server = loadServerConfig();
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
  app = await startApp(config, { server });
} catch (e) {
  fail(i18n.t(LOCALE, "startup-db-failed", { reason: (e as Error).message.split("\n")[0]!.slice(0, 200) }));
}

let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) {
      app.log.warn({ signal }, "second signal: exiting without finishing");
      process.exit(1);
    }
    stopping = true;
    app.log.info({ signal }, "stopping");
    // A stuck update must not keep the process alive for ever.
    setTimeout(() => {
      app.log.error({ ms: STOP_DEADLINE_MS }, "stop took too long: exiting without finishing");
      process.exit(1);
    }, STOP_DEADLINE_MS).unref();
    app.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        app.log.error({ err }, "stop failed");
        process.exit(1);
      },
    );
  });
}
