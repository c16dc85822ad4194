import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";

const TOKEN = "123456789:AAHfiqksKZ8WmR2zSjiQ7_v4TMAKdiHm9T0";
const valid = { BOT_TOKEN: TOKEN, ADMIN_IDS: "11111111,22222222" };

/** The ConfigError loadConfig throws for this environment. */
function failure(env: Record<string, string | undefined>): ConfigError {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe("loadConfig", () => {
  it("reads a valid environment and fills in the defaults", () => {
    expect(loadConfig(valid)).toEqual({
      BOT_TOKEN: TOKEN,
      ADMIN_IDS: [11111111, 22222222],
      DATABASE_URL: "file:./data/tro-ly-chi-bo.db",
      TELEGRAM_API_ROOT: "https://api.telegram.org",
      TZ: "Asia/Ho_Chi_Minh",
      LOG_LEVEL: "info",
    });
  });

  it("takes every setting given", () => {
    const config = loadConfig({
      ...valid,
      DATABASE_URL: "postgresql://bot@localhost:5432/chibo",
      TELEGRAM_API_ROOT: "http://127.0.0.1:8081",
      TZ: "Asia/Bangkok",
      LOG_LEVEL: "debug",
    });
    expect(config).toMatchObject({
      DATABASE_URL: "postgresql://bot@localhost:5432/chibo",
      TELEGRAM_API_ROOT: "http://127.0.0.1:8081",
      TZ: "Asia/Bangkok",
      LOG_LEVEL: "debug",
    });
  });

  it("reads TELEGRAM_START_SECONDS, how long start-up tries to reach Telegram, and refuses what is not 1–3600 whole seconds", () => {
    expect(loadConfig({ ...valid, TELEGRAM_START_SECONDS: "5" }).TELEGRAM_START_SECONDS).toBe(5);
    expect(loadConfig(valid)).not.toHaveProperty("TELEGRAM_START_SECONDS");
    for (const value of ["0", "-1", "1.5", "abc", "3601"]) {
      const e = failure({ ...valid, TELEGRAM_START_SECONDS: value });
      expect([e.variable, e.missing]).toEqual(["TELEGRAM_START_SECONDS", false]);
    }
  });

  it("ignores unrelated variables", () => {
    expect(loadConfig({ ...valid, PATH: "/usr/bin", HOME: "/root" })).not.toHaveProperty("PATH");
  });

  it("trims the token and reads admin ids separated by commas, semicolons or spaces", () => {
    const config = loadConfig({ BOT_TOKEN: ` ${TOKEN}\n`, ADMIN_IDS: " 1, 2;3  4 " });
    expect(config.BOT_TOKEN).toBe(TOKEN);
    expect(config.ADMIN_IDS).toEqual([1, 2, 3, 4]);
  });

  it("treats an empty variable as unset, so its default applies", () => {
    const config = loadConfig({ ...valid, TZ: "", DATABASE_URL: "", TELEGRAM_API_ROOT: "", LOG_LEVEL: "" });
    expect(config).toMatchObject({
      TZ: "Asia/Ho_Chi_Minh",
      DATABASE_URL: "file:./data/tro-ly-chi-bo.db",
      TELEGRAM_API_ROOT: "https://api.telegram.org",
      LOG_LEVEL: "info",
    });
  });

  it("names BOT_TOKEN as missing when it is absent or empty", () => {
    for (const env of [{ ADMIN_IDS: "1" }, { ADMIN_IDS: "1", BOT_TOKEN: "" }]) {
      const e = failure(env);
      expect(e).toBeInstanceOf(Error);
      expect(e.variable).toBe("BOT_TOKEN");
      expect(e.missing).toBe(true);
      expect(e.message).toBe("missing BOT_TOKEN");
    }
  });

  it.each([["abc"], ["123456789"], ["123456789:short"], ["abc:AAHfiqksKZ8WmR2zSjiQ7_v4TMAKdiHm9T0"], [`${TOKEN} extra`]])(
    "names BOT_TOKEN %j as invalid",
    (token) => {
      const e = failure({ ...valid, BOT_TOKEN: token });
      expect([e.variable, e.missing]).toEqual(["BOT_TOKEN", false]);
      expect(e.message).toBe("invalid BOT_TOKEN");
    },
  );

  it("names ADMIN_IDS as missing when it is absent or empty", () => {
    for (const env of [{ BOT_TOKEN: TOKEN }, { BOT_TOKEN: TOKEN, ADMIN_IDS: "" }]) {
      const e = failure(env);
      expect([e.variable, e.missing]).toEqual(["ADMIN_IDS", true]);
    }
  });

  it.each([["abc"], ["1,-2"], ["0"], ["1.5"], ["1,abc"], ["99999999999999999999"], [","], [" , ; "]])(
    "names ADMIN_IDS %j as invalid",
    (ids) => {
      const e = failure({ ...valid, ADMIN_IDS: ids });
      expect([e.variable, e.missing]).toEqual(["ADMIN_IDS", false]);
    },
  );

  it.each([["Mars/Olympus_Mons"], ["Asia/Saigon City"], ["GMT+7 Hà Nội"]])("names TZ %j as invalid", (tz) => {
    const e = failure({ ...valid, TZ: tz });
    expect([e.variable, e.missing]).toEqual(["TZ", false]);
  });

  it.each([["mysql://db"], ["./data/bot.db"], ["file:"], ["postgres://"]])("names DATABASE_URL %j as invalid", (url) => {
    const e = failure({ ...valid, DATABASE_URL: url });
    expect([e.variable, e.missing]).toEqual(["DATABASE_URL", false]);
  });

  it.each([["ftp://example.org"], ["not a url"], ["api.telegram.org"]])("names TELEGRAM_API_ROOT %j as invalid", (root) => {
    const e = failure({ ...valid, TELEGRAM_API_ROOT: root });
    expect([e.variable, e.missing]).toEqual(["TELEGRAM_API_ROOT", false]);
  });

  it("names LOG_LEVEL as invalid when it is not a pino level", () => {
    const e = failure({ ...valid, LOG_LEVEL: "verbose" });
    expect([e.variable, e.missing]).toEqual(["LOG_LEVEL", false]);
  });

  it("names the first problem when there are several", () => {
    expect(failure({}).variable).toBe("BOT_TOKEN");
    expect(failure({ BOT_TOKEN: TOKEN, TZ: "nowhere" }).variable).toBe("ADMIN_IDS");
  });
});
