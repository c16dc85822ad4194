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
import { createI18n, LOCALE } from "./i18n.js";
import type { Bot } from "grammy";

export interface AppOptions {
  clock?: Clock;
  log?: Logger;
  onUpdateDone?: UpdateListener;
}

export interface App {
  bot: Bot<BotContext>;
  db: Db;
  stop(): Promise<void>;
}

export async function startApp(config: Config, options: AppOptions = {}): Promise<App> {
  const log = options.log ?? createLogger(config.LOG_LEVEL);
  const db = createDb(config.DATABASE_URL);
  const applied = await migrate(db);
  if (applied.length) log.info({ applied }, "migrations applied");

  const bot = createBot(
    { db, config, log, clock: options.clock ?? (() => new Date()) },
    options.onUpdateDone ? { onUpdateDone: options.onUpdateDone } : {},
  );
  await bot.init();
  await publishMenu(bot).catch((err) => log.warn({ err }, "could not set the command menu"));
  await bot.api.deleteWebhook();

  const runner: RunnerHandle = run(bot, { runner: { fetch: { timeout: 30 } } });
  log.info({ bot: bot.botInfo.username }, "bot started");

  return {
    bot,
    db,
    async stop() {
      if (runner.isRunning()) await runner.stop();
      await db.$disconnect();
      log.info("bot stopped");
    },
  };
}

async function publishMenu(bot: Bot<BotContext>) {
  const i18n = createI18n();
  await bot.api.setMyCommands(
    MENU_COMMANDS.map((command) => ({ command, description: i18n.t(LOCALE, `menu-${command}`) })),
  );
}
