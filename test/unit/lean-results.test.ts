// A form's stored log keeps of each message the bot sent only what the forms use (its id, date and
// chat): not the question's text, buttons or the bot's own user, which Telegram sends back whole and
// which every later answer would read and replay (src/bot/lean-results.ts).
import { afterAll, beforeAll, expect, test } from "vitest";
import { MemoryBot, Role, UnitKind } from "../support/memory-bot.js";

const SECRETARY = 940001;
let m: MemoryBot;

beforeAll(async () => {
  m = await MemoryBot.start();
  await m.unit("DU", UnitKind.COMMITTEE, null);
  await m.unit("CB1", UnitKind.BRANCH, "DU");
  await m.member(SECRETARY, Role.SECRETARY, "CB1");
});
afterAll(() => m?.stop());

test("the open report form stores the questions' message ids, not their text", async () => {
  const [question] = await m.say(SECRETARY, "/baocao");
  expect(question).toBeTruthy();
  const row = await m.db.conversationState.findUniqueOrThrow({ where: { key: String(SECRETARY) } });
  expect(row.value).toContain(`"message_id":${m.lastMessageId()}`);
  // The answer the fake Bot API gave carried the question's text; the stored log does not.
  expect(row.value).not.toContain(question!.slice(0, 20));
});
