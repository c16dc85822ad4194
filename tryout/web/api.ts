// The page's JSON API: who one can be, each chat as its person sees it, and
// what they do (type, press a button, send a file), the bot's clock and the
// reset. Everything the page sends is checked here, as Telegram's app would
// never let through an empty message, a button that is not there, or a file
// without a name.
import type { IncomingMessage } from "node:http";
import type { BotMessage } from "../bot-api/server.js";
import { boundaryOf, parseMultipart } from "../bot-api/multipart.js";
import { CLOCK_TARGETS, vnLabel, vnParts, type ClockTarget } from "../clock.js";
import type { Tryout } from "../runtime.js";
import { fullName, identities, type Identity } from "../sample/cast.js";
import { ChatError, Person, TEXT_LIMIT } from "../telegram/people.js";
import type { StoredFile } from "../telegram/files.js";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** How long a GET /api/state?since= waits for a change before answering anyway. */
const LONG_POLL_MS = 25_000;
const TARGET_LABELS: Record<ClockTarget, string> = {
  "before-deadline": "Ngày trước hạn nộp",
  deadline: "Ngày hạn nộp",
  "after-deadline": "Ngày sau hạn",
  "next-monday": "Thứ Hai tới",
  "next-day": "Thêm 1 ngày",
};
const CHAT_ERRORS: Record<string, string> = {
  empty: "Tin nhắn trống.",
  "too-long": `Tin nhắn dài quá ${TEXT_LIMIT} ký tự (giới hạn của Telegram).`,
  "no-button": "Nút này không còn nữa (tin nhắn đã được bot sửa).",
};

export class Api {
  private people = identities();
  private closed = false;

  constructor(private tryout: Tryout) {}

  close(): void {
    this.closed = true;
  }

  file(fileId: string): StoredFile | undefined {
    return this.tryout.tg.files.get(fileId);
  }

  async get(path: string, query: URLSearchParams, req: IncomingMessage): Promise<unknown> {
    if (path === "/api/state") {
      const since = Number(query.get("since"));
      // Only a page up to date waits: one from before a restart (a revision ahead of ours) is answered at once.
      if (Number.isSafeInteger(since) && since === this.tryout.tg.rev && !this.closed) {
        await this.tryout.tg.waitForChange(since, LONG_POLL_MS);
        if (req.destroyed) return {};
      }
      return this.state();
    }
    const chat = path.match(/^\/api\/chats\/([a-z0-9-]+)\/messages$/);
    if (chat) return this.chat(this.identity(chat[1]!));
    throw new ApiError(404, "không có địa chỉ này");
  }

  async post(path: string, body: unknown): Promise<unknown> {
    if (path === "/api/reset") {
      await this.tryout.reset();
      return { ok: true };
    }
    if (path === "/api/clock") {
      const to = (body as { to?: unknown }).to;
      if (!CLOCK_TARGETS.includes(to as ClockTarget)) throw new ApiError(400, "Không có mốc giờ này.");
      this.requireReady();
      const { at, sent } = await this.tryout.moveClock(to as ClockTarget);
      return { at: at.toISOString(), label: vnLabel(at), sent };
    }
    const action = path.match(/^\/api\/chats\/([a-z0-9-]+)\/(send|press|upload)$/);
    if (!action) throw new ApiError(404, "không có địa chỉ này");
    const who = this.identity(action[1]!);
    this.requireReady();
    const person = new Person(this.tryout.tg, who.person, who.chat);
    try {
      if (action[2] === "send") return { message_id: person.sendText(stringField(body, "text")) };
      if (action[2] === "press") {
        const b = body as { message_id?: unknown; data?: unknown };
        if (!Number.isSafeInteger(b.message_id)) throw new ApiError(400, "Thiếu tin nhắn có nút.");
        return { callback: person.press(b.message_id as number, stringField(body, "data")) };
      }
      return { message_id: this.upload(person, body as { type: string; body: Buffer }) };
    } catch (e) {
      if (e instanceof ChatError) throw new ApiError(400, CHAT_ERRORS[e.message] ?? e.message);
      throw e;
    }
  }

  private upload(person: Person, { type, body }: { type: string; body: Buffer }): number {
    const boundary = boundaryOf(type);
    const parts = boundary ? parseMultipart(body, boundary) : undefined;
    const file = parts?.files.find((f) => f.field === "file");
    if (!parts || !file || file.bytes.length === 0) throw new ApiError(400, "Chưa chọn tệp, hoặc tệp trống.");
    const name = file.filename.replace(/[\\/]/g, "_").slice(0, 255) || "tep";
    const caption = parts.fields.caption?.trim().slice(0, 1024);
    return person.sendFile(name, file.contentType, file.bytes, caption || undefined);
  }

  private requireReady(): void {
    if (this.tryout.status.kind !== "ready") throw new ApiError(409, "Bot đang dựng dữ liệu mẫu, xin chờ một chút.");
  }

  private identity(key: string): Identity {
    const who = this.people.find((p) => p.key === key);
    if (!who) throw new ApiError(404, "Không có người này trong dữ liệu mẫu.");
    return who;
  }

  private state() {
    const { tg } = this.tryout;
    const now = this.tryout.clock.now();
    return {
      rev: tg.rev,
      status: this.tryout.status,
      clock: { at: now.toISOString(), label: vnLabel(now) },
      targets: this.tryout.clockTargets().map((t) => ({ key: t.key, label: TARGET_LABELS[t.key], at: vnLabel(t.at), about: aboutOf(t.key, t.at) })),
      identities: this.people.map((i) => ({
        key: i.key,
        section: i.section,
        role: i.role,
        name: i.name,
        rev: tg.revisionOf(i.chat.id),
        botCount: tg.messagesTo(i.chat.id).length,
      })),
    };
  }

  private chat(who: Identity) {
    const { tg } = this.tryout;
    const fromBot = tg.messagesTo(who.chat.id).map((m) => ({ id: m.message_id, from: "bot", date: tg.sentAt.get(m.message_id), ...this.content(m) }));
    const fromPeople = tg.incoming
      .filter((m) => m.chat_id === who.chat.id)
      .map((m) => ({
        id: m.message_id,
        from: m.from_id === who.person.id ? "me" : "other",
        sender: this.nameOf(m.from_id),
        date: m.date,
        text: m.text ?? "",
        ...this.fileView(m.file),
      }));
    const messages = [...fromBot, ...fromPeople].sort((a, b) => a.id - b.id).map((m) => ({ ...m, time: m.date === undefined ? "" : vnLabel(new Date(m.date * 1000)) }));
    const toasts = tg.callbackAnswers
      .map((a, n) => ({ n, text: a.text, alert: a.show_alert === true, user: a.user_id }))
      .filter((a) => a.user === who.person.id && a.text)
      .map(({ n, text, alert }) => ({ n, text, alert }));
    return { key: who.key, title: who.name, role: who.role, group: who.chat.type !== "private", messages, toasts, menu: tg.menuFor(who.chat.id, who.person.id), rev: tg.revisionOf(who.chat.id) };
  }

  private content(m: BotMessage) {
    const buttons = m.buttons.map((row) => row.map((b) => ({ text: b.text, ...(b.callback_data ? { data: b.callback_data } : {}), ...(b.url ? { url: b.url } : {}) })));
    return { text: m.text, buttons, edited: m.editedTimes > 0, ...this.fileView(m.photo ?? m.document) };
  }

  private fileView(fileId: string | undefined) {
    const f = fileId ? this.tryout.tg.files.get(fileId) : undefined;
    if (!f) return {};
    const url = `/api/files/${f.file_id}`;
    return f.kind === "photo" ? { photo: url } : { document: { url, name: f.name, size: f.bytes.length } };
  }

  private nameOf(userId: number): string {
    const who = this.people.find((p) => p.person.id === userId);
    return who ? fullName(who.person) : String(userId);
  }
}

function stringField(body: unknown, field: string): string {
  const v = (body as Record<string, unknown> | null)?.[field];
  if (typeof v !== "string") throw new ApiError(400, "Thiếu nội dung.");
  return v;
}

/** Which report's deadline a moment belongs to: the month before the one it falls in. */
function aboutOf(key: ClockTarget, at: Date): string {
  if (key === "next-monday") return "tổng hợp hằng tuần";
  if (key === "next-day") return "";
  const p = vnParts(at);
  const month = p.month === 1 ? 12 : p.month - 1;
  const year = p.month === 1 ? p.year - 1 : p.year;
  return `báo cáo tháng ${String(month).padStart(2, "0")}/${year}`;
}
