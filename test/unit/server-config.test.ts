// WEBHOOK_URL, WEBHOOK_SECRET and PORT (loadServerConfig), and DATABASE_URL read alone (loadDatabaseUrl).
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig, loadDatabaseUrl, loadServerConfig } from "../../src/config.js";

function failure(load: () => unknown): ConfigError {
  try {
    load();
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error("accepted");
}

describe("loadServerConfig", () => {
  it("is empty when nothing is set: long polling, no HTTP server", () => {
    expect(loadServerConfig({})).toEqual({});
    expect(loadServerConfig({ WEBHOOK_URL: "", PORT: "", WEBHOOK_SECRET: "" })).toEqual({});
  });

  it("reads a webhook URL, a secret and a port", () => {
    expect(loadServerConfig({ WEBHOOK_URL: "https://bot.example.org/telegram", WEBHOOK_SECRET: "Abc_123-xyz", PORT: "3000" })).toEqual({
      WEBHOOK_URL: "https://bot.example.org/telegram",
      WEBHOOK_SECRET: "Abc_123-xyz",
      PORT: 3000,
    });
    expect(loadServerConfig({ PORT: "0" })).toEqual({ PORT: 0 });
  });

  it.each([
    ["WEBHOOK_URL", "http://bot.example.org/telegram"],
    ["WEBHOOK_URL", "bot.example.org/telegram"],
    ["WEBHOOK_URL", "ftp://bot.example.org/"],
    ["WEBHOOK_SECRET", "has space"],
    ["WEBHOOK_SECRET", "dấu"],
    ["WEBHOOK_SECRET", "x".repeat(257)],
    ["PORT", "http"],
    ["PORT", "80.5"],
    ["PORT", "-1"],
    ["PORT", "65536"],
  ])("rejects %s=%s, naming the variable", (name, value) => {
    expect(failure(() => loadServerConfig({ [name]: value }))).toMatchObject({ variable: name, missing: false });
  });

  it("leaves loadConfig's settings as they were (the bot's own settings do not include them)", () => {
    const config = loadConfig({ BOT_TOKEN: "123456789:AAHfiqksKZ8WmR2zSjiQ7_v4TMAKdiHm9T0", ADMIN_IDS: "1", WEBHOOK_URL: "https://x.org/", PORT: "1" });
    expect(config).not.toHaveProperty("WEBHOOK_URL");
    expect(config).not.toHaveProperty("PORT");
  });
});

describe("loadDatabaseUrl", () => {
  it("has the bot's default and needs no other setting", () => {
    expect(loadDatabaseUrl({})).toBe("file:./data/tro-ly-chi-bo.db");
    expect(loadDatabaseUrl({ DATABASE_URL: "" })).toBe("file:./data/tro-ly-chi-bo.db");
    expect(loadDatabaseUrl({ DATABASE_URL: " file:/srv/bot.db " })).toBe("file:/srv/bot.db");
  });

  it("rejects what the bot rejects", () => {
    expect(failure(() => loadDatabaseUrl({ DATABASE_URL: "mysql://x" }))).toMatchObject({ variable: "DATABASE_URL" });
  });
});
