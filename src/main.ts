// Process entry: settings → database → bot; stops cleanly on SIGTERM/SIGINT.
import { ConfigError, loadConfig, loadDotEnv, loadServerConfig } from "./config.js";
import { startApp, type App } from "./app.js";
import { createI18n, LOCALE, translator } from "./i18n.js";
import { providerOf } from "./db/client.js";
import { errorDetail, pollingLine, runningLine, startupLine, StartupError } from "./startup/problems.js";
import { databasePlace, passwordsOf } from "./startup/urls.js";

const i18n = createI18n();
const t = translator(i18n);

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
  // The token and the database password never reach the line, whatever the error says.
  const secrets = [config.BOT_TOKEN, ...passwordsOf(config.DATABASE_URL)];
  fail(startupLine(t, e instanceof StartupError ? e.problem : { kind: "other", detail: errorDetail(e, secrets) }));
}

let stopping = false;
/** Stops taking updates, finishes those in hand, closes the database, then exits with `code`. */
function shutdown(code: number): void {
  stopping = true;
  // A stuck update must not keep the process alive for ever.
  setTimeout(() => {
    app.log.error({ ms: STOP_DEADLINE_MS }, "stop took too long: exiting without finishing");
    process.exit(1);
  }, STOP_DEADLINE_MS).unref();
  app.stop().then(
    () => process.exit(code),
    (err: unknown) => {
      app.log.error({ err }, "stop failed");
      process.exit(1);
    },
  );
}

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) {
      app.log.warn({ signal }, "second signal: exiting without finishing");
      process.exit(1);
    }
    app.log.info({ signal }, "stopping");
    shutdown(0);
  });
}

// Last, once a signal stops the bot cleanly: on stderr with the other lines for a person (stdout is the JSON log).
process.stderr.write(
  `${runningLine(t, {
    username: app.bot.botInfo.username,
    mode: server.WEBHOOK_URL ? "webhook" : "polling",
    database: providerOf(app.db),
    place: databasePlace(config.DATABASE_URL),
  })}\n`,
);

// Polling gave up (another process polls this token, or the token was revoked): one line, a clean stop, exit 1.
void app.halted.then((problem) => {
  if (stopping) return;
  process.stderr.write(`${pollingLine(t, problem)}\n`);
  shutdown(1);
});
