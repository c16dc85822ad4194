// Start-up and shut-down of everything but the process itself (main.ts).
import { run, type RunnerHandle } from "@grammyjs/runner";
import type { Config } from "./config.js";
import { createDb, type Db } from "./db/client.js";
import { migrate } from "./db/migrate.js";
import { createLogger, type Logger } from "./log.js";
import { createBot } from "./bot/create-bot.js";
import type { BotContext, Clock } from "./bot/context.js";
import type { UpdateListener } from "./bot/middleware/update-boundary.js";
import { MENU_COMMANDS } from "./bot/features/help.js";
import { createI18n, LOCALE, translator } from "./i18n.js";
import { Api, type Bot } from "grammy";
import { apiThrottler } from "@grammyjs/transformer-throttler";
import { autoRetry } from "@grammyjs/auto-retry";
import { Scheduler } from "./jobs/scheduler.js";

export interface AppOptions {
  clock?: Clock;
  log?: Logger;
  onUpdateDone?: UpdateListener;
  /** false: no minute-by-minute cron (tests call scheduler.tick() themselves). */
  cron?: boolean;
  /** How long a claimed delivery stays another process's before it is taken over. */
  deliveryLeaseMs?: number;
}

export interface App {
  bot: Bot<BotContext>;
  db: Db;
  scheduler: Scheduler;
  stop(): Promise<void>;
}

export async function startApp(config: Config, options: AppOptions = {}): Promise<App> {
  const log = options.log ?? createLogger(config.LOG_LEVEL);
  const db = createDb(config.DATABASE_URL);
  const applied = await migrate(db);
  if (applied.length) log.info({ applied }, "migrations applied");

  const clock = options.clock ?? (() => new Date());
  const bot = createBot({ db, config, log, clock }, options.onUpdateDone ? { onUpdateDone: options.onUpdateDone } : {});
  await bot.init();
  await publishMenu(bot).catch((err) => log.warn({ err }, "could not set the command menu"));
  await bot.api.deleteWebhook();

  const runner: RunnerHandle = run(bot, { runner: { fetch: { timeout: 30 } } });
  const scheduler = new Scheduler({
    db,
    api: jobsApi(config),
    log,
    t: translator(createI18n()),
    timeZone: config.TZ,
    clock,
    ...(options.deliveryLeaseMs !== undefined ? { leaseMs: options.deliveryLeaseMs } : {}),
  });
  if (options.cron !== false) {
    scheduler.start();
    // Catch up at once after a restart rather than at the next minute.
    void scheduler.tick().catch((err) => log.error({ err }, "scheduler tick failed"));
  }
  log.info({ bot: bot.botInfo.username }, "bot started");

  return {
    bot,
    db,
    scheduler,
    async stop() {
      await scheduler.stop();
      if (runner.isRunning()) await runner.stop();
      await db.$disconnect();
      log.info("bot stopped");
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
  api.config.use(apiThrottler({ out: { maxConcurrent: 1, minTime: 0 } }));
  // Installed last, so it runs first: each retry goes through the throttler again.
  api.config.use(autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 120 }));
  return api;
}

async function publishMenu(bot: Bot<BotContext>) {
  const i18n = createI18n();
  await bot.api.setMyCommands(
    MENU_COMMANDS.map((command) => ({ command, description: i18n.t(LOCALE, `menu-${command}`) })),
  );
}
