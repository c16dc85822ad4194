// What of an error may be written down, in a log line or in the database
// (Delivery.error): its kind, Telegram's code and description, the method,
// the message and where it was thrown. Never what the error carries along:
// grammY's GrammyError holds the method's whole payload (the text of a report
// summary, a note, names), a BotError holds the update's context (the bot
// token in ctx.api, the update as the person typed it), and a Bot API URL in a
// network error's message holds the token (https://api.telegram.org/bot<TOKEN>/sendMessage).
// Properties are picked by name, never copied wholesale, so a field a library
// adds tomorrow stays out.

/** A bot token, alone or in a Bot API URL: the bot's id (public), a colon (maybe URL-encoded), the secret part. */
const TOKEN = /(\d{5,})(?::|%3A)[A-Za-z0-9_-]{30,}/gi;

const MESSAGE_MAX = 300;
/**
 * Telegram's description is its own text ("Bad Request: can't parse entities:
 * Can't find end of the entity starting at byte offset 12", "Forbidden: bot
 * was blocked by the user"): it names the problem and positions, not the
 * message's text. Cut all the same, in case one ever quotes a parameter.
 */
const DESCRIPTION_MAX = 200;
const STACK_FRAMES = 12;
/** BotError → GrammyError / HttpError → the fetch error: three levels say everything. */
const CAUSE_DEPTH = 3;

export interface SafeError {
  type: string;
  message: string;
  stack?: string;
  /** Node's (ECONNREFUSED) or Prisma's (P2002) code. */
  code?: string | number;
  /** Telegram's answer to a failed call. */
  method?: string;
  error_code?: number;
  description?: string;
  retry_after?: number;
  /** The update a BotError was thrown for (from its context, of which nothing else is kept). */
  update_id?: number;
  cause?: SafeError;
}

/** Replaces every bot token in the text by its public part: "123456789:<hidden>". */
export function maskTokens(text: string): string {
  return text.replace(TOKEN, "$1:<hidden>");
}

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

type ErrorLike = Record<string, unknown> & { message?: unknown; name?: unknown; stack?: unknown };

function typeOf(err: ErrorLike): string {
  if (typeof err.name === "string" && err.name) return err.name;
  const ctor = (err as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof ctor === "string" && ctor ? ctor : "Error";
}

/** The message, less the parts some libraries fill with the data they were given. */
function messageOf(type: string, raw: string): string {
  let text = raw;
  // Prisma prints the call's arguments (the values being written) and a source
  // excerpt above its last line, which is the reason ("Unique constraint failed
  // on the fields: (`code`)", "Argument `x` is missing.").
  if (type.startsWith("PrismaClient")) text = raw.trim().split("\n").filter((l) => l.trim()).at(-1) ?? "";
  // JSON.parse quotes the text it could not read: `Unexpected token 'x', "{...}" is not valid JSON`.
  if (type === "SyntaxError") text = raw.split('"', 1)[0]!.replace(/[\s,]+$/, "");
  return cut(maskTokens(text.trim()), MESSAGE_MAX);
}

function framesOf(stack: unknown): string[] {
  if (typeof stack !== "string") return [];
  return stack
    .split("\n")
    .filter((line) => /^\s+at /.test(line))
    .slice(0, STACK_FRAMES)
    .map((line) => maskTokens(line));
}

function causeOf(err: ErrorLike): unknown {
  // grammY keeps the cause in `error` (BotError, HttpError); the standard place is `cause`.
  if (err.error !== null && typeof err.error === "object") return err.error;
  return err.cause;
}

function serialize(err: unknown, depth: number): SafeError {
  if (err === null || typeof err !== "object") return { type: typeof err, message: cut(maskTokens(String(err)), MESSAGE_MAX) };
  const e = err as ErrorLike;
  const type = typeOf(e);
  const message = messageOf(type, typeof e.message === "string" ? e.message : "");
  const out: SafeError = { type, message };
  const frames = framesOf(e.stack);
  if (frames.length) out.stack = [`${type}: ${message}`, ...frames].join("\n");
  if (typeof e.code === "string" || typeof e.code === "number") out.code = e.code;
  if (typeof e.method === "string") out.method = e.method;
  if (typeof e.error_code === "number") out.error_code = e.error_code;
  if (typeof e.description === "string") out.description = cut(maskTokens(e.description), DESCRIPTION_MAX);
  const retryAfter = (e.parameters as { retry_after?: unknown } | undefined)?.retry_after;
  if (typeof retryAfter === "number") out.retry_after = retryAfter;
  const updateId = (e.ctx as { update?: { update_id?: unknown } } | undefined)?.update?.update_id;
  if (typeof updateId === "number") out.update_id = updateId;
  const cause = causeOf(e);
  if (cause !== undefined && cause !== null && depth < CAUSE_DEPTH) out.cause = serialize(cause, depth + 1);
  return out;
}

/**
 * pino's serializer for `err`, the one way an error reaches a log line. A
 * string under `err` (a message picked by the caller) is masked and cut.
 */
export function safeError(err: unknown): SafeError | string {
  if (typeof err === "string") return cut(maskTokens(err), MESSAGE_MAX);
  return serialize(err, 0);
}

/** One line for a database column (Delivery.error): the messages of the error and its causes. */
export function safeErrorText(err: unknown, max = 500): string {
  const parts: string[] = [];
  for (let e: SafeError | undefined = serialize(err, 0); e; e = e.cause) {
    if (e.message) parts.push(e.message);
  }
  return cut(parts.join(" ← "), max);
}
