// Every setting, read once from the environment and checked.
import { existsSync } from "node:fs";
import { z } from "zod";
import { isValidTimeZone } from "./domain/time.js";

const adminIds = z
  .string()
  .trim()
  .min(1)
  .transform((s, ctx) => {
    const ids = s.split(/[\s,;]+/).filter(Boolean).map(Number);
    // At least one administrator: "," alone would otherwise leave nobody able to build the tree.
    if (ids.length === 0 || ids.some((n) => !Number.isSafeInteger(n) || n <= 0)) {
      ctx.addIssue({ code: "custom", message: "ids" });
      return z.NEVER;
    }
    return ids;
  });

const databaseUrl = z
  .string()
  .trim()
  .regex(/^(file:.+|postgres(ql)?:\/\/.+)$/)
  .default("file:./data/tro-ly-chi-bo.db");

const schema = z.object({
  BOT_TOKEN: z.string().trim().regex(/^\d+:[A-Za-z0-9_-]{20,}$/),
  ADMIN_IDS: adminIds,
  DATABASE_URL: databaseUrl,
  TELEGRAM_API_ROOT: z.url({ protocol: /^https?$/ }).default("https://api.telegram.org"),
  TZ: z.string().trim().refine(isValidTimeZone).default("Asia/Ho_Chi_Minh"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /**
   * Seconds start-up keeps trying to reach Telegram before it gives up with one
   * line; unset: 60 (src/startup/reach-telegram.ts). Shorter to fail fast under
   * a supervisor that restarts the bot anyway, or in tests.
   */
  TELEGRAM_START_SECONDS: z.coerce.number().int().min(1).max(3600).optional(),
});

export type Config = z.infer<typeof schema>;

/**
 * How updates arrive and where the HTTP server listens. Kept apart from Config
 * (whose every variable has a hint in locales/vi.ftl) so the two can grow
 * independently.
 */
const serverSchema = z.object({
  /** Set: Telegram posts updates here (through a TLS proxy to PORT). Unset: long polling. */
  WEBHOOK_URL: z.url({ protocol: /^https$/ }).optional(),
  /** Telegram's secret_token: 1–256 of A–Z, a–z, 0–9, _ and -. */
  WEBHOOK_SECRET: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,256}$/)
    .optional(),
  /** Unset: 8080 with a webhook, and no HTTP server at all with long polling. */
  PORT: z.coerce.number().int().min(0).max(65_535).optional(),
  /**
   * "1": long polling removes a webhook found set (another deployment's, say) instead of refusing to start,
   * for a deliberate move from webhook to long polling.
   */
  DELETE_WEBHOOK: z.enum(["0", "1"]).optional(),
});

export type ServerConfig = z.infer<typeof serverSchema>;

/** The port of the webhook when PORT is unset. */
export const DEFAULT_WEBHOOK_PORT = 8080;

/** The first problem found, naming the variable; turned into one Vietnamese line by main.ts. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    readonly missing: boolean,
  ) {
    super(`${missing ? "missing" : "invalid"} ${variable}`);
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return parse(schema, env);
}

export function loadServerConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return parse(serverSchema, env);
}

/** DATABASE_URL alone, read as the bot reads it (for tools such as the backup). */
export function loadDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return parse(z.object({ DATABASE_URL: databaseUrl }), env).DATABASE_URL;
}

function parse<T extends z.ZodObject>(shape: T, env: NodeJS.ProcessEnv): z.infer<T> {
  // An empty variable (TZ= in a .env file, ${TZ} of an unset shell variable in
  // docker compose) counts as unset, so that settings with a default get it.
  const parsed = shape.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== "")));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const variable = String(issue.path[0]);
  throw new ConfigError(variable, env[variable] === undefined || env[variable] === "");
}

/** Reads ./.env if present, so an administrator can keep settings in a file. */
export function loadDotEnv(path = ".env"): void {
  if (existsSync(path)) process.loadEnvFile(path);
}
