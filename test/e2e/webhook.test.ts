// Webhook mode (updates POSTed by Telegram, checked by their secret header),
// /healthz, and each update handled once however often it is delivered.
import { mkdirSync, renameSync, rmdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ADMIN_ID, Harness, TEST_WEBHOOK_URL } from "../support/harness.js";
import { onPostgres } from "../support/database.js";
import { freshSecretary } from "../support/scenario.js";

/** A private text message from `from`, as Telegram sends it. */
function message(updateId: number, from: number, text: string) {
  const command = text.match(/^\/\w+/);
  return {
    update_id: updateId,
    message: {
      message_id: 10_000 + updateId,
      date: Math.floor(Date.now() / 1000),
      from: { id: from, is_bot: false, first_name: "Người dùng" },
      chat: { id: from, type: "private", first_name: "Người dùng" },
      text,
      ...(command ? { entities: [{ type: "bot_command", offset: 0, length: command[0].length }] } : {}),
    },
  };
}

async function get(h: Harness, path: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`http://127.0.0.1:${h.app.http!.port}${path}`);
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

const settle = () => new Promise((r) => setTimeout(r, 300));

async function until(what: string, predicate: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe("webhook mode", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start({ webhook: true });
  });
  afterAll(async () => h?.stop());

  const secret = () => String(h.fake.webhook!.secret_token);
  const processed = async (updateId: number) => h.app.db.processedUpdate.count({ where: { updateId: BigInt(updateId) } });

  test("registers the webhook with a secret and the update kinds it handles, keeping pending updates, and does not poll", async () => {
    expect(h.fake.webhook).toMatchObject({ url: TEST_WEBHOOK_URL, drop_pending_updates: false, allowed_updates: ["message", "callback_query"] });
    expect(secret()).toMatch(/^[A-Za-z0-9_-]{32,256}$/);
    expect(h.fake.callsOf("getUpdates")).toHaveLength(0);
    expect(h.fake.callsOf("deleteWebhook")).toHaveLength(0);
  });

  test("an update posted with the right secret is handled and answered through the Bot API", async () => {
    const admin = h.admin();
    let updateId = 0;
    const r = await admin.exchange(() => (updateId = admin.send("/themdonvi WH-A - Đảng ủy Webhook")));
    expect(r.texts).toHaveLength(1);
    expect(r.last.text).toContain("Đã thêm");
    expect(await h.app.db.unit.count({ where: { code: "WH-A" } })).toBe(1);
    await until("the webhook's answer", () => h.fake.webhookDeliveries.some((d) => d.update_id === updateId));
    expect(h.fake.webhookDeliveries.filter((d) => d.update_id === updateId)).toEqual([{ update_id: updateId, status: 200 }]);
    expect(await processed(updateId)).toBe(1);
  });

  test.each([
    ["no secret header", undefined],
    ["a wrong secret", "wrong-secret"],
    ["a secret of the right length, one character off", "same-length"],
  ])("a request with %s gets 401 and touches nothing", async (_, header) => {
    const updateId = 500_000 + Math.floor(Math.random() * 100_000);
    const wrong = header === "same-length" ? secret().slice(0, -1) + (secret().endsWith("A") ? "B" : "A") : header;
    const before = h.fake.messagesTo(ADMIN_ID).length;
    const answer = await h.fake.postWebhook(message(updateId, ADMIN_ID, "/themdonvi WH-X - Không được thêm"), wrong);
    expect(answer.status).toBe(401);
    await settle();
    expect(h.fake.messagesTo(ADMIN_ID)).toHaveLength(before);
    expect(h.outcomesOf(updateId)).toEqual([]);
    expect(await processed(updateId)).toBe(0);
    expect(await h.app.db.unit.count({ where: { code: "WH-X" } })).toBe(0);
  });

  test("(the same request with the right secret does write: the 401s above are the secret's doing)", async () => {
    const updateId = 610_001;
    const answer = await h.fake.postWebhook(message(updateId, ADMIN_ID, "/themdonvi WH-Y - Được thêm"), secret());
    expect(answer.status).toBe(200);
    expect(h.outcomesOf(updateId)).toEqual(["ok"]);
    expect(await h.app.db.unit.count({ where: { code: "WH-Y" } })).toBe(1);
  });

  test("the same update posted twice, one after the other, is handled once", async () => {
    const updateId = 620_001;
    const update = message(updateId, ADMIN_ID, "/themdonvi WH-B - Gửi hai lần");
    const before = h.fake.messagesTo(ADMIN_ID).length;
    expect((await h.fake.postWebhook(update, secret())).status).toBe(200);
    expect((await h.fake.postWebhook(update, secret())).status).toBe(200);
    expect(await h.waitOutcomes(updateId, 2)).toEqual(["ok", "duplicate"]);
    const replies = h.fake.messagesTo(ADMIN_ID).slice(before);
    expect(replies.map((m) => m.text)).toEqual([expect.stringContaining("Đã thêm")]);
    expect(await processed(updateId)).toBe(1);
  });

  test("the same update posted twice at once (two connections) is handled once", async () => {
    const before = h.fake.messagesTo(ADMIN_ID).length;
    const answers = await Promise.all(
      [630_001, 630_001, 630_002, 630_002, 630_002].map((id) => h.fake.postWebhook(message(id, ADMIN_ID, `/themdonvi WH-${id} - Cùng lúc`), secret())),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect((await h.waitOutcomes(630_001, 2)).sort()).toEqual(["duplicate", "ok"]);
    expect((await h.waitOutcomes(630_002, 3)).sort()).toEqual(["duplicate", "duplicate", "ok"]);
    expect(h.fake.messagesTo(ADMIN_ID).slice(before)).toHaveLength(2);
    expect(await h.app.db.unit.count({ where: { code: { in: ["WH-630001", "WH-630002"] } } })).toBe(2);
  });

  test("an answer in an open form delivered twice is applied once, recognised by the form's own row (no ProcessedUpdate insert)", async () => {
    const { secretary } = await freshSecretary(h);
    await secretary.say("/baocao");
    await secretary.press("Tháng 10/2026");
    expect(h.fake.messagesTo(secretary.id).at(-1)?.text).toBe("Số quần chúng ưu tú (nguồn phát triển đảng viên) hiện có?");
    const before = h.fake.messagesTo(secretary.id).length;
    const id = secretary.send("12");
    expect(await h.waitOutcomes(id, 1)).toEqual(["ok"]);
    // Telegram delivers it again (its answer was lost on the way back).
    expect((await h.fake.postWebhook(message(id, secretary.id, "12"), secret())).status).toBe(200);
    expect(await h.waitOutcomes(id, 2)).toEqual(["ok", "duplicate"]);
    // Applied twice, "12" would also have answered the awareness class, and the next question would be the third.
    expect(h.fake.messagesTo(secretary.id).slice(before).map((m) => m.text)).toEqual(["Số quần chúng học lớp bồi dưỡng nhận thức về Đảng trong tháng?"]);
    expect(await processed(id)).toBe(0);
    expect((await secretary.say("3")).last.text).toBe("Số hồ sơ đề nghị kết nạp đang xét?");
  });

  test("the update that ends a form, delivered again after its row is gone, is still handled once", async () => {
    const { secretary } = await freshSecretary(h);
    await secretary.say("/baocao");
    await secretary.press("Tháng 10/2026");
    const before = h.fake.messagesTo(secretary.id).length;
    const id = secretary.send("/huy");
    expect(await h.waitOutcomes(id, 1)).toEqual(["ok"]);
    expect((await h.fake.postWebhook(message(id, secretary.id, "/huy"), secret())).status).toBe(200);
    expect(await h.waitOutcomes(id, 2)).toEqual(["ok", "duplicate"]);
    expect(h.fake.messagesTo(secretary.id).slice(before)).toHaveLength(1);
    expect(await h.app.db.conversationState.count({ where: { key: String(secretary.id) } })).toBe(0);
  });

  test("a body that is not an update gets 400; other paths and methods get 404", async () => {
    const port = h.app.http!.port;
    const bad = await fetch(`http://127.0.0.1:${port}/telegram/webhook`, {
      method: "POST",
      headers: { "content-type": "application/json", "X-Telegram-Bot-Api-Secret-Token": secret() },
      body: "{not json",
    });
    expect(bad.status).toBe(400);
    expect((await get(h, "/telegram/webhook")).status).toBe(404);
    expect((await get(h, "/")).status).toBe(404);
    const elsewhere = await fetch(`http://127.0.0.1:${port}/other`, {
      method: "POST",
      headers: { "X-Telegram-Bot-Api-Secret-Token": secret() },
      body: JSON.stringify(message(640_001, ADMIN_ID, "/donvi")),
    });
    expect(elsewhere.status).toBe(404);
    await settle();
    expect(h.outcomesOf(640_001)).toEqual([]);
  });

  test("an update whose fields are not of Telegram's types is left alone with 200; the next one is handled", async () => {
    const before = h.fake.messagesTo(ADMIN_ID).length;
    const units = await h.app.db.unit.count();
    // Text a number, a chat id a string, a button's data an object: whoever holds the secret can post these.
    const bodies = [
      { update_id: 660_001, message: { message_id: 1, date: 0, from: { id: ADMIN_ID, is_bot: false, first_name: "Quản trị" }, chat: { id: ADMIN_ID, type: "private" }, text: 42, entities: [{ type: "bot_command", offset: 0, length: 5 }] } },
      { update_id: 660_002, message: { message_id: 2, date: 0, from: { id: ADMIN_ID, is_bot: false, first_name: "Quản trị" }, chat: { id: String(ADMIN_ID), type: "private" }, text: "/donvi" } },
      { update_id: 660_003, callback_query: { id: "cb", from: { id: ADMIN_ID, is_bot: false, first_name: "Quản trị" }, chat_instance: "x", data: { report: "2026-10" } } },
    ];
    for (const body of bodies) expect((await h.fake.postWebhook(body, secret())).status).toBe(200);
    for (const body of bodies) expect(await h.waitOutcomes(body.update_id, 1)).toEqual(["malformed"]);
    expect(h.fake.messagesTo(ADMIN_ID)).toHaveLength(before);
    expect(await h.app.db.unit.count()).toBe(units);
    expect((await h.fake.postWebhook(message(660_004, ADMIN_ID, "/themdonvi WH-MF - Sau thư hỏng"), secret())).status).toBe(200);
    expect(await h.waitOutcomes(660_004, 1)).toEqual(["ok"]);
    expect(await h.app.db.unit.count()).toBe(units + 1);
  });

  // SQLite: the file is taken away. PostgreSQL's outage is tested in test/e2e/database-outage.test.ts.
  test.skipIf(onPostgres)("/healthz: 200 while the database answers, 503 while it cannot be opened, 200 again after, and updates work again", async () => {
    expect(await get(h, "/healthz")).toEqual({ status: 200, body: { ok: true, database: "up" } });

    // Close the connection and put a directory where the database file was:
    // the next query has to reopen it, and cannot.
    const file = h.dbUrl.replace(/^file:/, "");
    await h.app.db.$disconnect();
    renameSync(file, `${file}.away`);
    mkdirSync(file);
    try {
      expect(await get(h, "/healthz")).toEqual({ status: 503, body: { ok: false, database: "down" } });
      // An update meanwhile fails cleanly: the person is told, nothing is claimed.
      const before = h.fake.messagesTo(ADMIN_ID).length;
      expect((await h.fake.postWebhook(message(650_001, ADMIN_ID, "/donvi"), secret())).status).toBe(200);
      expect(h.outcomesOf(650_001)).toEqual(["error"]);
      expect(h.fake.messagesTo(ADMIN_ID).slice(before).map((m) => m.text)).toEqual([expect.stringContaining("có lỗi xảy ra")]);
    } finally {
      rmdirSync(file);
      renameSync(`${file}.away`, file);
    }

    expect(await get(h, "/healthz")).toEqual({ status: 200, body: { ok: true, database: "up" } });
    const r = await h.admin().say("/donvi");
    expect(r.last.text).toContain("WH-A");
    expect(await processed(650_001)).toBe(0);
  });

  // Issue 10: the secret is derived from the bot token instead of being kept in Setting (test/e2e/secrets-at-rest.test.ts).
  test("a restart keeps the same secret (derived from the bot token, so that several instances agree on it; nothing stored)", async () => {
    const first = secret();
    expect(await h.app.db.setting.count({ where: { key: "webhook.secretToken" } })).toBe(0);
    await h.restart();
    expect(h.fake.callsOf("setWebhook")).toHaveLength(2);
    expect(secret()).toBe(first);
    const r = await h.admin().say("/donvi");
    expect(r.last.text).toContain("WH-A");
  });
});

describe("webhook mode with WEBHOOK_SECRET set", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start({ webhook: { secret: "my_Secret-0123456789" } });
  });
  afterAll(async () => h?.stop());

  test("registers and checks that secret", async () => {
    expect(h.fake.webhook?.secret_token).toBe("my_Secret-0123456789");
    expect((await h.fake.postWebhook(message(1, ADMIN_ID, "/donvi"), "my_Secret-012345678")).status).toBe(401);
    const r = await h.admin().say("/donvi");
    expect(r.texts).toHaveLength(1);
    expect(await h.app.db.setting.count({ where: { key: "webhook.secretToken" } })).toBe(0);
  });
});

describe("long polling", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start({ port: 0 });
  });
  afterAll(async () => h?.stop());

  test("is the default: the webhook is deleted and updates are fetched with the same allowed kinds", async () => {
    expect(h.fake.webhook).toBeUndefined();
    expect(h.fake.callsOf("deleteWebhook")).toHaveLength(1);
    await until("the first getUpdates", () => h.fake.callsOf("getUpdates").length > 0);
    expect(h.fake.callsOf("getUpdates")[0]?.params).toMatchObject({ allowed_updates: ["message", "callback_query"] });
  });

  test("the same update_id delivered twice by getUpdates is handled once", async () => {
    const before = h.fake.messagesTo(ADMIN_ID).length;
    const update = message(700, ADMIN_ID, "/themdonvi PL-A - Hai lần");
    // Both in one batch, as after a poller that crashed before confirming its offset.
    h.fake.pushUpdate(update);
    h.fake.pushUpdate(update);
    expect(await h.waitOutcomes(700, 2)).toEqual(["ok", "duplicate"]);
    expect(h.fake.polledUpdateIds.filter((id) => id === 700)).toHaveLength(2);
    expect(h.fake.messagesTo(ADMIN_ID).slice(before).map((m) => m.text)).toEqual([expect.stringContaining("Đã thêm")]);
    expect(await h.app.db.processedUpdate.count({ where: { updateId: 700n } })).toBe(1);
    // Later updates are not mistaken for it.
    const r = await h.admin().say("/donvi");
    expect(r.last.text).toContain("PL-A");
  });

  test("with PORT set, /healthz is served (and nothing else: no webhook to post to)", async () => {
    expect(await get(h, "/healthz")).toEqual({ status: 200, body: { ok: true, database: "up" } });
    const post = await fetch(`http://127.0.0.1:${h.app.http!.port}/telegram/webhook`, { method: "POST", body: "{}" });
    expect(post.status).toBe(404);
  });
});

describe("long polling without PORT", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start();
  });
  afterAll(async () => h?.stop());

  test("opens no HTTP server", () => {
    expect(h.app.http).toBeUndefined();
  });
});
