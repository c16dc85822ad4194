// The try-out's stand-in for Telegram (tryout/telegram/stand-in.ts), spoken to
// over HTTP by grammY's own client as the bot speaks to it: long polling that
// really waits, uploads kept byte for byte and sent again by file_id, getFile
// and the file download, command menus by scope, and files and presses from
// people shaped as Telegram delivers them.
import { Api, InputFile } from "grammy";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { Person } from "../../tryout/telegram/people.js";
import { TelegramStandIn, TRYOUT_TOKEN } from "../../tryout/telegram/stand-in.js";
import { pngImage } from "../support/sample-files.js";

let tg: TelegramStandIn;
let api: Api;
const clock = () => new Date("2026-11-02T02:00:00Z");
const lan = { id: 501, first_name: "Nguyễn Thị Lan" };

beforeAll(async () => {
  tg = await new TelegramStandIn(clock).start();
  api = new Api(TRYOUT_TOKEN, { apiRoot: tg.apiRoot });
});
afterAll(() => tg.stop());

describe("long polling", () => {
  test("getUpdates waits the timeout it is given when nothing comes, and answers at once when something does", async () => {
    let started = Date.now();
    expect(await api.getUpdates({ timeout: 1 })).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);

    started = Date.now();
    const waiting = api.getUpdates({ timeout: 20 });
    setTimeout(() => new Person(tg, lan, { id: lan.id, type: "private" }).sendText("/baocao"), 100);
    const [update] = await waiting;
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(update!.message).toMatchObject({ text: "/baocao", date: Math.floor(clock().getTime() / 1000), entities: [{ type: "bot_command", offset: 0, length: 7 }], chat: { id: 501, type: "private" } });
    await api.getUpdates({ offset: update!.update_id + 1, timeout: 0 });
  });
});

describe("files", () => {
  test("an uploaded photo is kept byte for byte, answered with its sizes, found by getFile and downloaded", async () => {
    const png = pngImage(640, 400);
    const sent = await api.sendPhoto(lan.id, new InputFile(png, "tien-do.png"), { caption: "Tiến độ" });
    expect(sent.photo.map((s) => [s.width, s.height])).toEqual([
      [320, 200],
      [640, 400],
    ]);
    const largest = sent.photo.at(-1)!;
    expect(tg.files.get(largest.file_id)!.bytes.equals(png)).toBe(true);
    const file = await api.getFile(largest.file_id);
    const res = await fetch(`${tg.apiRoot}/file/bot${TRYOUT_TOKEN}/${file.file_path}`);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await res.arrayBuffer()).equals(png)).toBe(true);
    expect(tg.sentAt.get(sent.message_id)).toBe(sent.date);
  });

  test("a file sent again by its file_id is the same file; a file_id Telegram never gave is refused", async () => {
    const doc = await api.sendDocument(lan.id, new InputFile(Buffer.from("PK\u0003\u0004 workbook"), "tong-hop.xlsx"));
    expect(doc.document).toMatchObject({ file_name: "tong-hop.xlsx", mime_type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
    const again = await api.sendDocument(lan.id, doc.document!.file_id);
    expect(again.document!.file_id).toBe(doc.document!.file_id);
    await expect(api.sendDocument(lan.id, "BQACmade-up")).rejects.toThrow(/wrong file identifier/);
  });

  test("a photo and a PDF from a person arrive as Telegram delivers them", async () => {
    const person = new Person(tg, lan, { id: lan.id, type: "private" });
    const png = pngImage(1000, 750);
    person.sendFile("anh.png", "image/png", png);
    person.sendFile("bien-ban.pdf", "application/pdf", Buffer.from("%PDF-1.4 minutes"));
    const updates = await api.getUpdates({ timeout: 1 });
    const photo = updates.find((u) => u.message?.photo)!.message!.photo!;
    expect(photo.map((s) => [s.width, s.height, s.file_size])).toEqual([
      [320, 240, expect.any(Number)],
      [1000, 750, png.length],
    ]);
    expect(tg.files.get(photo.at(-1)!.file_id)!.bytes.equals(png)).toBe(true);
    const document = updates.find((u) => u.message?.document)!.message!.document!;
    expect(document).toEqual({ file_id: expect.any(String), file_unique_id: expect.any(String), file_name: "bien-ban.pdf", mime_type: "application/pdf", file_size: 16 });
    await api.getUpdates({ offset: updates.at(-1)!.update_id + 1, timeout: 0 });
  });
});

test("command menus: a chat's own scope first, then all private chats (or all groups), then the default", async () => {
  await api.setMyCommands([{ command: "trogiup", description: "Các lệnh" }]);
  await api.setMyCommands([{ command: "baocao", description: "Gửi báo cáo" }], { scope: { type: "all_private_chats" } });
  await api.setMyCommands([{ command: "duyet", description: "Duyệt" }], { scope: { type: "chat", chat_id: 777 } });
  expect(tg.menuFor(777, 777).map((c) => c.command)).toEqual(["duyet"]);
  expect(tg.menuFor(501, 501).map((c) => c.command)).toEqual(["baocao"]);
  expect(tg.menuFor(-100123, 501).map((c) => c.command)).toEqual(["trogiup"]);
  await api.setMyCommands([{ command: "tonghop", description: "Tổng hợp" }], { scope: { type: "all_group_chats" } });
  expect(tg.menuFor(-100123, 501).map((c) => c.command)).toEqual(["tonghop"]);
});

test("a person can press only a button the message shows now, with the data the bot gave it", async () => {
  const sent = await api.sendMessage(lan.id, "Báo cáo tháng nào?", { reply_markup: { inline_keyboard: [[{ text: "Tháng 10/2026", callback_data: "p:2026-10" }]] } });
  const person = new Person(tg, lan, { id: lan.id, type: "private" });
  expect(() => person.press(sent.message_id, "p:2026-13")).toThrow("no-button");
  const queryId = person.press(sent.message_id, "p:2026-10");
  const [update] = await api.getUpdates({ timeout: 1 });
  expect(update!.callback_query).toMatchObject({ id: queryId, data: "p:2026-10", from: { id: lan.id }, message: { message_id: sent.message_id, text: "Báo cáo tháng nào?" } });
  await api.answerCallbackQuery(queryId, { text: "Đã chọn" });
  expect(tg.callbackAnswers.at(-1)).toMatchObject({ text: "Đã chọn", user_id: lan.id });
  await api.editMessageReplyMarkup(lan.id, sent.message_id);
  expect(() => person.press(sent.message_id, "p:2026-10")).toThrow("no-button");
  await api.getUpdates({ offset: update!.update_id + 1, timeout: 0 });
});
