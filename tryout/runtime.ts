// The try-out in one process: the stand-in for Telegram, the real bot started
// as main.ts starts it (src/app.ts, with the try-out's clock and no cron), and
// the page. It reaches the bot only through startApp and the Bot API, so the
// bot's insides can change freely beneath it.
import { mkdirSync } from "node:fs";
import { pino } from "pino";
import { startApp, type App, type AppOptions } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { CLOCK_TARGETS, targetOf, TryoutClock, vnParts, type ClockTarget } from "./clock.js";
import { ADMIN } from "./sample/cast.js";
import { buildSample } from "./sample/build.js";
import type { Month } from "./sample/story.js";
import { databasePath, loadSaved, save, wipe } from "./saved.js";
import { TelegramStandIn, TRYOUT_TOKEN } from "./telegram/stand-in.js";
import { startWeb, type Web } from "./web/server.js";

export interface TryoutOptions {
  dataDir: string;
  /** The page's port; 0 for any free one. */
  port: number;
  /** The month the try-out opens in (the sample is the three before it); default the current one. */
  opening?: Month;
  /** How often the scheduler runs on its own, as the bot's cron would every minute. */
  tickEveryMs?: number;
  /** The bot's log, as JSON lines in the data folder; "silent" for none. */
  logLevel?: string;
}

export type Status = { kind: "starting" | "building" | "ready" } | { kind: "failed"; reason: string };

export class Tryout {
  readonly tg: TelegramStandIn;
  readonly clock = new TryoutClock(Date.now());
  status: Status = { kind: "starting" };
  private app: App | undefined;
  private web!: Web;
  private ticker: NodeJS.Timeout | undefined;
  private saveTimer: NodeJS.Timeout | undefined;
  private busy: Promise<unknown> = Promise.resolve();
  private log: NonNullable<AppOptions["log"]>;

  private constructor(private options: TryoutOptions) {
    this.tg = new TelegramStandIn(this.clock.now);
    mkdirSync(options.dataDir, { recursive: true });
    this.log = pino(
      { level: options.logLevel ?? "info", redact: { paths: ["text", "payload", "body", "update", "ctx"], remove: true } },
      pino.destination({ dest: `${options.dataDir}/thu-nghiem.log`, sync: false }),
    );
  }

  /** Serves the page at once; the bot and, on a first start, the sample follow (see `ready`). */
  static async start(options: TryoutOptions): Promise<Tryout> {
    const t = new Tryout(options);
    await t.tg.start();
    t.web = await startWeb(t, options.port);
    t.tg.listen(() => t.saveSoon());
    t.ready = t.serialized(() => t.open());
    t.ready.catch(() => undefined);
    return t;
  }

  /** Settles when the bot runs with its sample (rejects if that failed; status says why). */
  ready: Promise<void> = Promise.resolve();

  get url(): string {
    return this.web.url;
  }

  get dataDir(): string {
    return this.options.dataDir;
  }

  /** Wipes the try-out's database and chats and builds the sample again. */
  reset(): Promise<void> {
    return this.serialized(async () => {
      await this.stopBot();
      await this.build();
    });
  }

  /** Moves the bot's clock to a moment of the page's buttons and runs the scheduler there. */
  moveClock(target: ClockTarget): Promise<{ at: Date; sent: number }> {
    return this.serialized(async () => {
      if (!this.app) throw new Error("the bot is not running");
      const at = targetOf(target, this.clock.now());
      this.clock.moveTo(at);
      this.tg.bump();
      const result = await this.app.scheduler.tick();
      this.saveNow();
      return { at, sent: result.sent };
    });
  }

  clockTargets(): { key: ClockTarget; at: Date }[] {
    const now = this.clock.now();
    return CLOCK_TARGETS.map((key) => ({ key, at: targetOf(key, now) }));
  }

  async stop(): Promise<void> {
    clearInterval(this.ticker);
    await this.busy.catch(() => undefined);
    await this.stopBot();
    if (this.status.kind === "ready") this.saveNow();
    clearTimeout(this.saveTimer);
    await this.web.close();
    await this.tg.stop();
    this.log.flush();
  }

  private async open(): Promise<void> {
    const saved = loadSaved(this.options.dataDir);
    if (!saved) return this.build();
    this.tg.importState(saved.telegram);
    this.clock.set(new Date(saved.clock));
    await this.startBot();
    this.ready_();
  }

  private async build(): Promise<void> {
    this.setStatus({ kind: "building" });
    wipe(this.options.dataDir);
    this.tg.clear();
    try {
      // The sample's past is set up with the clock back in those months; nothing is scheduled meanwhile.
      await this.startBot();
      await buildSample({ tg: this.tg, clock: this.clock, opening: this.options.opening ?? currentMonth() });
    } catch (e) {
      this.setStatus({ kind: "failed", reason: e instanceof Error ? e.message : String(e) });
      throw e;
    }
    this.ready_();
  }

  private ready_(): void {
    this.setStatus({ kind: "ready" });
    this.saveNow();
    // The first tick marks where the bot's schedule starts: nothing before the try-out opens is sent.
    // In turn with clock moves: a tick begun at the old time must not answer for the new one.
    const tick = () => void this.serialized(async () => this.app?.scheduler.tick()).catch((err: unknown) => this.log.error({ err }, "tick failed"));
    tick();
    clearInterval(this.ticker);
    this.ticker = setInterval(tick, this.options.tickEveryMs ?? 20_000);
    this.ticker.unref();
  }

  private async startBot(): Promise<void> {
    const config = loadConfig({
      BOT_TOKEN: TRYOUT_TOKEN,
      ADMIN_IDS: String(ADMIN.id),
      DATABASE_URL: `file:${databasePath(this.options.dataDir)}`,
      TELEGRAM_API_ROOT: this.tg.apiRoot,
      TZ: "Asia/Ho_Chi_Minh",
      LOG_LEVEL: this.options.logLevel ?? "info",
      TELEGRAM_START_SECONDS: "10",
    });
    this.app = await startApp(config, { clock: this.clock.now, cron: false, server: {}, log: this.log });
  }

  private async stopBot(): Promise<void> {
    clearInterval(this.ticker);
    const app = this.app;
    this.app = undefined;
    await app?.stop();
  }

  private setStatus(s: Status): void {
    this.status = s;
    this.tg.bump();
  }

  /** One change of the whole at a time: a reset waits for a clock move, and the other way round. */
  private serialized<T>(run: () => Promise<T>): Promise<T> {
    const next = this.busy.then(run, run);
    this.busy = next.catch(() => undefined);
    return next;
  }

  private saveSoon(): void {
    if (this.status.kind !== "ready" || this.saveTimer) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      if (this.status.kind === "ready") this.saveNow();
    }, 2_000);
    this.saveTimer.unref();
  }

  private saveNow(): void {
    save(this.options.dataDir, { clock: this.clock.now().toISOString(), telegram: this.tg.exportState() });
  }
}

function currentMonth(): Month {
  const p = vnParts(new Date());
  return { year: p.year, month: p.month };
}
