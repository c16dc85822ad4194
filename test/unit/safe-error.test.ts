// The one serializer for logged errors (src/safe-error.ts) and the logger that
// uses it (src/log.ts): what an error may say, and what it never carries along.
import { createServer } from "node:net";
import { Api, BotError, Context, GrammyError } from "grammy";
import { expect, test } from "vitest";
import { createLogger } from "../../src/log.js";
import { maskTokens, safeError, safeErrorText, type SafeError } from "../../src/safe-error.js";
import { Prisma } from "../../src/db/generated/client.js";

const TOKEN = "123456789:AAHfz-secret_part-of-a-bot-token-0123";
const SECRET = "AAHfz-secret_part-of-a-bot-token-0123";
const TYPED = "ZQX-typed: Chi bộ gặp khó khăn về kinh phí";

const text = (v: unknown) => JSON.stringify(v);

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

test("a token is masked alone, in a Bot API URL and URL-encoded; the bot's public id stays", () => {
  expect(maskTokens(`token ${TOKEN}.`)).toBe("token 123456789:<hidden>.");
  expect(maskTokens(`https://api.telegram.org/bot${TOKEN}/sendMessage`)).toBe("https://api.telegram.org/bot123456789:<hidden>/sendMessage");
  expect(maskTokens(`x=${TOKEN.replace(":", "%3A")}`)).toBe("x=123456789:<hidden>");
  expect(maskTokens("at 12:30 on 05/12/2026, update 123456789")).toBe("at 12:30 on 05/12/2026, update 123456789");
});

test("Telegram's refusal keeps its kind, method, code, description and retry_after, not the payload sent", () => {
  const err = new GrammyError(
    "Call to 'sendMessage' failed!",
    { ok: false, error_code: 429, description: "Too Many Requests: retry after 7", parameters: { retry_after: 7 } },
    "sendMessage",
    { chat_id: 42, text: TYPED },
  );
  const s = safeError(err) as SafeError;
  expect(s).toMatchObject({ type: "GrammyError", method: "sendMessage", error_code: 429, description: "Too Many Requests: retry after 7", retry_after: 7 });
  expect(s.message).toBe("Call to 'sendMessage' failed! (429: Too Many Requests: retry after 7)");
  expect(s.stack).toMatch(/^GrammyError: Call to 'sendMessage' failed!.*\n\s+at /);
  expect(text(s)).not.toContain("ZQX-typed");
  expect(safeErrorText(err)).toBe("Call to 'sendMessage' failed! (429: Too Many Requests: retry after 7)");
});

test("a BotError keeps its update id and its cause, not its context (the token, the update as typed)", () => {
  const api = new Api(TOKEN);
  const ctx = new Context({ update_id: 31, message: { message_id: 1, date: 0, chat: { id: 5, type: "private", first_name: TYPED }, text: TYPED } } as never, api, { id: 1 } as never);
  const s = safeError(new BotError(new TypeError("x is not a function"), ctx)) as SafeError;
  expect(s).toMatchObject({ type: "BotError", update_id: 31, cause: { type: "TypeError", message: "x is not a function" } });
  expect(text(s)).not.toContain(SECRET);
  expect(text(s)).not.toContain("ZQX-typed");
});

test("a network error to the Bot API (connection refused) keeps its code; the token in its URL is masked, in the database text too", async () => {
  const api = new Api(TOKEN, { apiRoot: `http://127.0.0.1:${await closedPort()}` });
  const err = await api.sendMessage(1, TYPED).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeDefined();
  // What a careless serializer would have written.
  expect(String((err as { error?: Error }).error?.message)).toContain(SECRET);
  const s = safeError(err) as SafeError;
  expect(s).toMatchObject({ type: "HttpError", message: "Network request for 'sendMessage' failed!", cause: { code: "ECONNREFUSED" } });
  expect(s.cause!.message).toContain("/bot123456789:<hidden>/sendMessage");
  expect(text(s)).not.toContain(SECRET);
  expect(safeErrorText(err)).toMatch(/^Network request for 'sendMessage' failed! ← request to .*bot123456789:<hidden>\/sendMessage failed, reason: connect ECONNREFUSED/);
});

test("what libraries copy from their input into a message is left out: Prisma's call arguments, JSON.parse's quote of the text", () => {
  const prisma = new Prisma.PrismaClientValidationError(
    `\nInvalid \`db.report.create()\` invocation in\n/srv/bot/src/store/reports.ts:12:3\n\n→ 12 data: {\n        note: "${TYPED}",\n        bogus: 1\n        ~~~~~\nUnknown argument \`bogus\`. Available options are marked with ?.`,
    { clientVersion: "7" },
  );
  expect(safeError(prisma)).toMatchObject({ type: "PrismaClientValidationError", message: "Unknown argument `bogus`. Available options are marked with ?." });
  expect(text(safeError(prisma))).not.toContain("ZQX-typed");
  let syntax: unknown;
  try {
    JSON.parse(`{"note": ${TYPED}}`);
  } catch (e) {
    syntax = e;
  }
  expect(String((syntax as Error).message)).toContain("ZQX-typed");
  expect(text(safeError(syntax))).not.toContain("ZQX-typed");
  expect((safeError(syntax) as SafeError).type).toBe("SyntaxError");
});

test("long texts are cut: a message at 300 characters, Telegram's description at 200, the database text at 500", () => {
  const err = new GrammyError(`m${"x".repeat(1000)}`, { ok: false, error_code: 400, description: `d${"y".repeat(1000)}` }, "sendMessage", {});
  const s = safeError(err) as SafeError;
  expect(s.message.length).toBe(301);
  expect(s.description!.length).toBe(201);
  expect(safeErrorText(new Error("z".repeat(2000))).length).toBe(301);
  expect(safeErrorText(new Error("a".repeat(400), { cause: new Error("b".repeat(400)) })).length).toBe(501);
  expect(safeError("a message chosen by the caller " + TOKEN)).toBe("a message chosen by the caller 123456789:<hidden>");
});

test("the logger: errors through the serializer, tokens masked in every field and message, fields holding input dropped", () => {
  const lines: string[] = [];
  const log = createLogger("info", { write: (l: string) => void lines.push(l) });
  const err = new GrammyError("Call to 'sendMessage' failed!", { ok: false, error_code: 400, description: "Bad Request: chat not found" }, "sendMessage", { chat_id: 1, text: TYPED });
  log.error({ err, chat_id: 1 }, "delivery failed");
  log.error(err, "as the first argument");
  log.warn({ url: `https://api.telegram.org/bot${TOKEN}/getMe`, ctx: { api: { token: TOKEN } }, payload: { text: TYPED }, text: TYPED, nested: { body: TYPED } }, `message with ${TOKEN}`);
  const all = lines.join("");
  expect(all).not.toContain(SECRET);
  expect(all).not.toContain("ZQX-typed");
  const [first, second, third] = lines.map((l) => JSON.parse(l));
  expect(first).toMatchObject({ chat_id: 1, msg: "delivery failed", err: { type: "GrammyError", error_code: 400, method: "sendMessage" } });
  expect(second).toMatchObject({ err: { type: "GrammyError", error_code: 400 } });
  expect(third).toMatchObject({ url: "https://api.telegram.org/bot123456789:<hidden>/getMe", msg: "message with 123456789:<hidden>", nested: {} });
});
