// Start-up and shut-down of everything but the process itself (main.ts).
import type { RunnerHandle } from "@grammyjs/runner";
import { DEFAULT_WEBHOOK_PORT, type Config, type ServerConfig } from "./config.js";
import { providerOf, type Db } from "./db/client.js";
// Before the bot's modules: src/store/branch-months.ts, digest-data.ts and reports.ts import
// each other, and only loading branch-months first lets every constant be defined in time.
import { openDatabase } from "./startup/open-database.js";
import { createLogger, type Logger } from "./log.js";
import { ALLOWED_UPDATES, createBot } from "./bot/create-bot.js";
import type { BotContext, Clock } from "./bot/context.js";
import type { UpdateListener } from "./bot/middleware/update-boundary.js";
import type { RetryOptions } from "./bot/retrying-fetch.js";
import { purgeProcessedUpdates } from "./bot/middleware/dedup.js";
import { InFlight } from "./bot/middleware/in-flight.js";
import { afterThisUpdate } from "./bot/middleware/update-end.js";
import { coalesced, payDigestRefreshes } from "./store/digest-refresh.js";
import { createI18n, translator, type Translate } from "./i18n.js";
import { groupMenu, menusVersion, strangerMenu } from "./messages/help.js";
import { queueChangedMenus } from "./outbox/menus.js";
import { Api, webhookCallback, type Bot } from "grammy";
import { apiThrottler } from "@grammyjs/transformer-throttler";
import { autoRetry } from "@grammyjs/auto-retry";
import { Scheduler } from "./jobs/scheduler.js";
import { InstancePresence } from "./store/instance-presence.js";
import { pace, sendPace } from "./jobs/send-pace.js";
import { startHttpServer, type HttpServer } from "./server/http.js";
import { webhookSecretFor } from "./server/webhook-secret.js";
import { startPolling } from "./bot/polling.js";
import { reachTelegram, TELEGRAM_START_MS } from "./startup/reach-telegram.js";
import { StartupError, type PollingProblem } from "./startup/problems.js";

/**
 * How long a webhook request waits for its update to be handled. Past this,
 * Telegram gets its 200 and the handling goes on (a graceful stop still waits
 * for it): an answer that never comes would only make Telegram send the
 * update again, which the dedup would then skip.
 */
const WEBHOOK_ANSWER_MS = 10_000;
/** How often rows of ProcessedUpdate past their retention are deleted. */
const PURGE_EVERY_MS = 3_600_000;

export interface AppOptions {
  clock?: Clock;
  log?: Logger;
  onUpdateDone?: UpdateListener;
  /** false: no minute-by-minute cron (tests call scheduler.tick() themselves). */
  cron?: boolean;
  /** How long a claimed delivery stays another process's before it is taken over. */
  deliveryLeaseMs?: number;
  /** Webhook or long polling, and the HTTP port (src/config.ts, loadServerConfig). */
  server?: ServerConfig;
  /** Retries of replies to people (src/bot/retrying-fetch.ts): tests shorten the back-off. */
  telegramRetry?: RetryOptions;
  /** How long start-up keeps trying to reach Telegram; default TELEGRAM_START_SECONDS, else a minute. */
  telegramStartMs?: number;
  /** How long an update holds its chat's form against other instances (src/store/update-claims.ts). */
  formHoldMs?: number;
  /** How long the sender lease lasts unrenewed (src/outbox/sender-lease.ts). */
  senderLeaseMs?: number;
}

export interface App {
  bot: Bot<BotContext>;
  db: Db;
  scheduler: Scheduler;
  /** Whether other instances share the database (src/store/instance-presence.ts). */
  presence: InstancePresence;
  log: Logger;
  /** Present with a webhook, or with long polling when PORT is set (then /healthz only). */
  http: HttpServer | undefined;
  /**
   * Resolves when long polling stopped by itself (409: another process polls
   * this token; 401: the token was revoked). Never resolves with a webhook.
   */
  halted: Promise<PollingProblem>;
  /**
   * Stops taking updates, finishes those in hand, stops the schedules, closes
   * the HTTP server and the database. Calling it again returns the same promise.
   */
  stop(): Promise<void>;
}

/**
 * Fails with a StartupError (src/startup/problems.ts) when the database cannot
 * be opened or Telegram cannot be reached or refuses the token.
 */
export async function startApp(config: Config, options: AppOptions = {}): Promise<App> {
  const log = options.log ?? createLogger(config.LOG_LEVEL);
  const db = await openDatabase(config.DATABASE_URL, log);

  const clock = options.clock ?? (() => new Date());
  const t = translator(createI18n());
  const inFlight = new InFlight();
  // The scheduler needs the bot's start-up done first; until then a kick waits for the minute tick.
  const outbox = { kick: () => {} };
  const presence = new InstancePresence(db, log);
  const bot = createBot(
    { db, config, log, clock, outbox },
    {
      inFlight,
      webhook: Boolean(options.server?.WEBHOOK_URL),
      ...(options.onUpdateDone ? { onUpdateDone: options.onUpdateDone } : {}),
      ...(options.telegramRetry ? { retry: options.telegramRetry } : {}),
      ...(options.formHoldMs !== undefined ? { formHoldMs: options.formHoldMs } : {}),
      alone: () => presence.alone,
    },
  );
  const telegramStartMs = options.telegramStartMs ?? (config.TELEGRAM_START_SECONDS !== undefined ? config.TELEGRAM_START_SECONDS * 1000 : TELEGRAM_START_MS);

  const server = options.server ?? {};
  const probe = () => db.$queryRawUnsafe("SELECT 1");
  let http: HttpServer | undefined;
  let runner: RunnerHandle | undefined;
  let halted: Promise<PollingProblem> = new Promise(() => {});
  try {
    // With botInfo set, bot.init() is never needed: its getMe would retry network errors for ever.
    bot.botInfo = await reachTelegram({ token: config.BOT_TOKEN, root: config.TELEGRAM_API_ROOT, budgetMs: telegramStartMs, log });
    // Before the first update: whether another instance shares the database.
    await presence.start();
    await publishMenus(bot, t).catch((err) => log.warn({ err }, "could not set the command menus"));
    if (server.WEBHOOK_URL) {
      const secretToken = server.WEBHOOK_SECRET ?? webhookSecretFor(config.BOT_TOKEN);
      const handle = webhookCallback(bot, "http", {
        secretToken,
        timeoutMilliseconds: WEBHOOK_ANSWER_MS,
        onTimeout: () => log.warn({ ms: WEBHOOK_ANSWER_MS }, "webhook answered before its update was handled"),
      });
      // Listening before Telegram is told where to send.
      http = await startHttpServer({ port: server.PORT ?? DEFAULT_WEBHOOK_PORT, log, probe, webhook: { path: new URL(server.WEBHOOK_URL).pathname, handle } });
      await bot.api.setWebhook(server.WEBHOOK_URL, {
        secret_token: secretToken,
        allowed_updates: [...ALLOWED_UPDATES],
        drop_pending_updates: false,
      });
    } else {
      if (server.PORT !== undefined) http = await startHttpServer({ port: server.PORT, log, probe });
      // deleteWebhook would silently take the updates of a deployment that runs on a webhook.
      const { url } = await bot.api.getWebhookInfo();
      if (url && server.DELETE_WEBHOOK !== "1") throw new StartupError({ kind: "webhook-set", host: URL.canParse(url) ? new URL(url).host : "?" });
      await bot.api.deleteWebhook();
      ({ runner, halted } = startPolling(bot, log));
    }
  } catch (e) {
    await http?.close();
    await presence.stop();
    await db.$disconnect();
    throw e;
  }

  const purge = () =>
    purgeProcessedUpdates(db, clock()).then(
      (count) => count && log.info({ count }, "old update ids forgotten"),
      (err: unknown) => log.warn({ err }, "could not forget old update ids"),
    );
  let purgeTimer: NodeJS.Timeout | undefined;
  if (options.cron !== false) {
    void purge();
    purgeTimer = setInterval(() => void purge(), PURGE_EVERY_MS).unref();
  }

  const scheduler = new Scheduler({
    db,
    api: jobsApi(config),
    pace: pace(),
    log,
    t,
    timeZone: config.TZ,
    clock,
    adminIds: config.ADMIN_IDS,
    botUsername: bot.botInfo.username,
    ...(options.deliveryLeaseMs !== undefined ? { leaseMs: options.deliveryLeaseMs } : {}),
    ...(options.senderLeaseMs !== undefined ? { senderLeaseMs: options.senderLeaseMs } : {}),
  });
  const payDigests = coalesced(() => payDigestRefreshes(db));
  let paying: Promise<unknown> = Promise.resolve();
  // After the update that kicks (its receipt sent): the digest rows a submission owes, then the queue.
  outbox.kick = () =>
    afterThisUpdate(() => {
      paying = payDigests().catch((err) => log.error({ err }, "could not refresh owed digest rows"));
      void scheduler.kick().catch((err) => log.error({ err }, "sending queued messages failed"));
    });
  // Before the first tick sends them: the menus of people's chats, when what they say changed.
  await queueChangedMenus(db, menusVersion(t), config.ADMIN_IDS, clock()).then(
    (count) => count && log.info({ count }, "menus queued"),
    (err: unknown) => log.warn({ err }, "could not queue the menus"),
  );
  if (options.cron !== false) {
    scheduler.start();
    // Catch up at once after a restart rather than at the next minute.
    void scheduler.tick().catch((err) => log.error({ err }, "scheduler tick failed"));
  }
  log.info({ bot: bot.botInfo.username, mode: server.WEBHOOK_URL ? "webhook" : "polling", database: providerOf(db) }, "bot started");

  let stopped: Promise<void> | undefined;
  return {
    bot,
    db,
    scheduler,
    presence,
    log,
    http,
    halted,
    stop() {
      stopped ??= (async () => {
        // No new updates: the poller's pending getUpdates is cancelled (what it
        // has not fetched stays with Telegram); webhook requests get 503.
        http?.stopAccepting();
        if (runner?.isRunning()) await runner.stop();
        // A runner that stopped by itself (409) may hold fetched updates whose handling has
        // not begun, so InFlight does not count them yet: they are finished first.
        while (runner && runner.size() > 0) await new Promise((r) => setTimeout(r, 20));
        clearInterval(purgeTimer);
        await Promise.all([inFlight.drained(), scheduler.stop()]);
        // The last updates' after-steps start on the next turn of the event loop (middleware/update-end.ts);
        // what they have not paid by the time they end stays owed, for the next start.
        await new Promise((r) => setImmediate(r));
        await paying;
        await http?.close();
        await presence.stop();
        await db.$disconnect();
        log.info("bot stopped");
      })();
      return stopped;
    },
  };
}

/**
 * Scheduled sends get their own API client: throttled within Telegram's limits
 * (about 30 messages a second, 20 a minute into one group) and retried on 429
 * with its retry_after, without slowing down replies to people.
 */
function jobsApi(config: Config): Api {
  const api = new Api(config.BOT_TOKEN, { apiRoot: config.TELEGRAM_API_ROOT });
  // Evenly spaced rather than 30 at the top of each second (a burst of 30 straddling two of
  // Telegram's windows would earn 429s): the pace is kept innermost, as each request leaves
  // (./jobs/send-pace.ts); the throttler keeps one chat's and one group's limits.
  api.config.use(sendPace());
  api.config.use(apiThrottler({ global: { maxConcurrent: 30, minTime: 0 }, out: { maxConcurrent: 1, minTime: 0 } }));
  // Installed last, so it runs first: each retry goes through the throttler again.
  // A dropped connection is thrown at once (rethrowHttpErrors) rather than retried for ever with a
  // back-off growing to an hour: the sender then leaves the round for the next tick (jobs/sender.ts).
  api.config.use(autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 120, rethrowHttpErrors: true }));
  return api;
}

/**
 * The menus of chats that have none of their own: a private chat with someone who holds
 * no role (and the default, which Telegram falls back to anywhere), and every group.
 * People with a role get theirs per chat, through the outbox (src/outbox/menus.ts).
 */
async function publishMenus(bot: Bot<BotContext>, t: Translate) {
  const stranger = strangerMenu(t);
  await bot.api.setMyCommands(stranger, { scope: { type: "default" } });
  await bot.api.setMyCommands(stranger, { scope: { type: "all_private_chats" } });
  await bot.api.setMyCommands(groupMenu(t), { scope: { type: "all_group_chats" } });
}
