// Nothing typed and no token reaches the log, whatever fails: a reply Telegram
// refuses (400) or keeps failing (500 until the retries give up), Telegram
// unreachable (connection refused), a webhook request that fails inside its
// handling, a scheduled send that fails. Each line still says which update,
// which recipient, what kind of failure and what came of it.
import { afterAll, beforeAll, expect, test } from "vitest";
import { ADMIN_ID, Harness } from "../support/harness.js";
import { CapturedLog, type LogLine } from "../support/captured-log.js";
import { TEST_TOKEN } from "../support/fake-telegram.js";
import { buildTree, branchWithSecretary, fillReport, freshSecretary, TYPICAL_ANSWERS } from "../support/scenario.js";

/** Words people type, each failure its own, to be looked for in the log. */
const TYPED = {
  note: "ZQX-ghi-chu-rieng-400",
  unit500: "ZQX-ten-don-vi-500",
  refused: "ZQX-ten-don-vi-refused",
  webhookText: "ZQX-tin-nhan-webhook",
  webhookName: "ZQX-ten-nguoi-gui",
  branch: "ZQX-ten-chi-bo-lich",
} as const;
/** The secret half of the bot token: never in a log, not even inside a URL. */
const TOKEN_SECRET = TEST_TOKEN.split(":")[1]!;

const log = new CapturedLog("debug");
/** Updates whose handling the harness makes fail at its very end (afterUpdate). */
const failAtEnd = new Set<number>();
let h: Harness;
beforeAll(async () => {
  h = await Harness.start({
    webhook: true,
    log: log.logger,
    // The reply retries' back-off shortened: what is logged does not depend on how long they wait.
    telegramRetry: { baseDelayMs: 5 },
    afterUpdate: (id) => {
      if (failAtEnd.has(id)) throw new Error("failed at the end of handling");
    },
  });
  await buildTree(h);
});
afterAll(async () => h?.stop());

/** What the log has gained since `from` (log.raw.length then) holds nothing typed, no token and no webhook secret. */
function expectClean(from: number): void {
  const text = log.raw.slice(from).join("");
  expect(text.length).toBeGreaterThan(0);
  for (const [what, typed] of Object.entries(TYPED)) expect(text, `typed ${what} in the log`).not.toContain(typed);
  expect(text, "the bot token in the log").not.toContain(TOKEN_SECRET);
  expect(text, "the webhook secret in the log").not.toContain(String(h.fake.webhook!.secret_token));
}

const updateLine = (id: number) => (l: LogLine) => l.msg === "update" && l.update_id === id;
const failedLine = (id: number) => (l: LogLine) => l.msg === "update failed" && l.update_id === id;

test("a reply Telegram refuses with 400: the line names the update, the method and Telegram's answer, not the summary with the note", async () => {
  const from = log.raw.length;
  const { secretary: s } = await freshSecretary(h);
  await fillReport(s, "Tháng 10/2026", TYPICAL_ANSWERS.slice(0, -1));
  const description = "Bad Request: can't parse entities: Can't find end of the entity starting at byte offset 12";
  h.fake.failNext({ method: "sendMessage", chatId: s.id, status: 400, body: { ok: false, error_code: 400, description } });
  const id = s.send(`Thiếu kinh phí, ${TYPED.note}`);
  await h.waitHandled(id);
  // The note did reach Telegram in the reply that failed: the log had it to leak.
  expect(h.fake.callsOf("sendMessage").some((c) => String(c.params.text).includes(TYPED.note))).toBe(true);
  expectClean(from);
  const failure = log.find((l) => l.err?.error_code === 400 && l.err?.description === description);
  expect(failure?.err).toMatchObject({ type: "GrammyError", method: "sendMessage", message: expect.stringContaining("400") });
  expect(log.find(updateLine(id))).toMatchObject({ kind: "message", user_id: s.id, chat_id: s.id });
});

test("a reply that keeps failing with 500 until the retries give up: logged as a failed update, with its id and Telegram's code", async () => {
  const from = log.raw.length;
  const admin = h.admin();
  for (let i = 0; i < 5; i++) {
    h.fake.failNext({ method: "sendMessage", chatId: ADMIN_ID, status: 500, body: { ok: false, error_code: 500, description: "Internal Server Error" } });
  }
  const id = admin.send(`/themdonvi LOG-B - Đảng ủy ${TYPED.unit500}`);
  await h.waitHandled(id, 45_000);
  expect(h.fake.callsOf("sendMessage").filter((c) => String(c.params.text).includes(TYPED.unit500))).toHaveLength(5);
  expectClean(from);
  expect(log.find(failedLine(id))?.err).toMatchObject({ type: "GrammyError", method: "sendMessage", error_code: 500, description: "Internal Server Error" });
  expect(log.find(updateLine(id))).toMatchObject({ command: "/themdonvi", outcome: "error", user_id: ADMIN_ID });
}, 60_000);

test("Telegram unreachable (connection refused): the network error is logged with its code, and the token in the request's URL is masked", async () => {
  const from = log.raw.length;
  const admin = h.admin();
  await h.fake.refuseConnections();
  let id: number;
  try {
    id = admin.send(`/themdonvi LOG-D - Đảng ủy ${TYPED.refused}`);
    await log.waitFor("the failed update", failedLine(id), 45_000);
  } finally {
    await h.fake.acceptConnections();
  }
  await h.waitHandled(id, 30_000);
  expectClean(from);
  const err = log.find(failedLine(id))!.err!;
  expect(err).toMatchObject({ type: "HttpError", message: "Network request for 'sendMessage' failed!" });
  expect(err.cause).toMatchObject({ code: "ECONNREFUSED", message: expect.stringContaining("/bot123456789:<hidden>/sendMessage") });
  expect(log.find(updateLine(id))).toMatchObject({ outcome: "error" });
}, 90_000);

test("a webhook request that fails inside its handling: the line names the update, not its text, its sender or the bot's context", async () => {
  const from = log.raw.length;
  const stranger = h.user(5401, TYPED.webhookName);
  const before = h.fake.webhookDeliveries.length;
  const id = h.fake.newMessageId() + 700_000;
  failAtEnd.add(id);
  h.fake.pushUpdate({
    update_id: id,
    message: { message_id: id, date: 0, from: { id: stranger.id, is_bot: false, first_name: TYPED.webhookName }, chat: { id: stranger.id, type: "private", first_name: TYPED.webhookName }, text: TYPED.webhookText },
  });
  const line = await log.waitFor("the failed webhook request", (l) => l.msg === "webhook request failed");
  expectClean(from);
  expect(line.err).toMatchObject({ type: "BotError", update_id: id, cause: { type: "Error", message: "failed at the end of handling" } });
  // Only this update's deliveries: an earlier test's may still be answered meanwhile.
  await expect.poll(() => h.fake.webhookDeliveries.slice(before).filter((d) => d.update_id === id)).toEqual([{ update_id: id, status: 500 }]);
});

test("a scheduled send that fails: the line names the recipient and the occasion, and the delivery's stored error has no text either", async () => {
  const from = log.raw.length;
  const admin = h.admin();
  expect((await admin.say(`/themchibo CB-LOG DU-SGD Chi bộ ${TYPED.branch}`)).last.text).toContain("Đã thêm");
  const s = await branchWithSecretary(h, 7801, "Tư", "CB-LOG");
  // December's reminders are due on 2 January.
  await h.at("2026-12-31T09:00:00+07:00");
  h.fake.failNext({ method: "sendMessage", chatId: s.id, status: 400, body: { ok: false, error_code: 400, description: "Bad Request: chat not found" } });
  await h.at("2027-01-02T08:00:00+07:00");
  expect(h.fake.callsOf("sendMessage").some((c) => Number(c.params.chat_id) === s.id && String(c.params.text).includes(TYPED.branch))).toBe(true);
  expectClean(from);
  const line = log.find((l) => l.msg === "delivery failed" && l.chat_id === s.id);
  expect(line).toMatchObject({ occasion: "reminder:2026-12:d3", final: false, err: { type: "GrammyError", error_code: 400, description: "Bad Request: chat not found" } });
  const delivery = await h.app.db.delivery.findFirstOrThrow({ where: { chatId: BigInt(s.id), occasion: "reminder:2026-12:d3" } });
  expect(delivery.error).toContain("400: Bad Request: chat not found");
  expect(delivery.error).not.toContain(TYPED.branch);
  h.clock.set("2026-11-03T09:00:00+07:00");
});

test("(the whole log, every failure above included, holds nothing typed and no token)", () => {
  expectClean(0);
});
