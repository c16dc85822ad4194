// Telegram answering 500 or 429, or dropping the connection, while the bot replies: retried, nothing lost.
import { afterAll, beforeAll, expect, test } from "vitest";
import { Harness } from "../support/harness.js";
import { freshSecretary } from "../support/scenario.js";

let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(async () => h?.stop());

const AWARENESS = "Số quần chúng học lớp bồi dưỡng nhận thức về Đảng trong tháng?";

test.each([
  ["a 500", { status: 500, body: { ok: false, error_code: 500, description: "Internal Server Error" } }],
  ["a 429 with retry_after", { status: 429, body: { ok: false, error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } } }],
  ["a dropped connection", { status: 0, body: {}, drop: true }],
])("%s on a reply inside a form is retried: the question arrives once and the answer is kept", async (_name, fault) => {
  const { secretary: s } = await freshSecretary(h);
  await s.say("/baocao");
  await s.press("Tháng 10/2026");
  h.fake.failNext({ method: "sendMessage", chatId: s.id, ...fault });
  const r = await s.say("8");
  expect(r.texts).toEqual([AWARENESS]);
  const summary = await (async () => {
    for (const a of ["0", "0", "0", "0", "0", "0", "0"]) await s.say(a);
    return (await s.press("Bỏ qua")).last.text;
  })();
  expect(summary).toContain("1. Quần chúng ưu tú (nguồn phát triển đảng viên): 8");
});

test("a 500 on a plain command's reply is retried", async () => {
  const { secretary: s } = await freshSecretary(h);
  h.fake.failNext({ method: "sendMessage", chatId: s.id, status: 500, body: { ok: false, error_code: 500, description: "Internal Server Error" } });
  const r = await s.say("/tiendo");
  expect(r.texts).toHaveLength(1);
  expect(r.last.text).toContain("năm 2026");
});
