// Someone of the sample talking to the bot the way a person does: they send,
// wait for the bot's answer, read it, and answer the question it asks. A form is
// filled by reading each new question, not by a fixed list of answers, so a
// question added or moved by a later change is either answered or named in a
// clear error, never answered with the wrong figure.
import type { BotMessage } from "../bot-api/server.js";
import type { Person } from "../telegram/people.js";
import type { TelegramStandIn } from "../telegram/stand-in.js";

/** What a person does on seeing one of the bot's messages in a form. */
export type Action = { text: string } | { press: string | RegExp } | "done" | "skip";
/** Reads a message; throws on a question it cannot answer. */
export type Answerer = (m: BotMessage) => Action;

/** Steps a form may take before we decide the bot keeps asking the same thing. */
const MAX_STEPS = 60;

export class SampleError extends Error {}

export class Persona {
  constructor(
    private tg: TelegramStandIn,
    readonly person: Person,
    private timeoutMs = 15_000,
  ) {}

  get chatId(): number {
    return this.person.chat.id;
  }

  /** Sends `text` and returns the bot's first reply that matches `expect`. */
  async say(text: string, expect: RegExp): Promise<BotMessage> {
    const sent = this.person.sendText(text);
    return this.waitFor((m) => expect.test(m.text), sent, `"${text}"`);
  }

  /** Sends `opener` (e.g. /baocao), then answers each question until the answerer says done. */
  async fill(opener: string, answer: Answerer): Promise<BotMessage> {
    let cursor = this.person.sendText(opener);
    for (let step = 0; step < MAX_STEPS; step++) {
      const { message, action } = await this.nextAction(cursor, answer, opener);
      if (action === "done") return message;
      cursor = message.message_id;
      if (action === "skip") continue; // never returned by nextAction; kept for the type
      if ("text" in action) cursor = Math.max(cursor, this.person.sendText(action.text));
      else this.person.pressLabel(message, action.press);
    }
    throw new SampleError(`${opener}: the bot was still asking after ${MAX_STEPS} answers: ${this.lastText()}`);
  }

  /** Presses a button of `m` and returns the bot's first new message that matches `expect`. */
  async press(m: BotMessage, label: string | RegExp, expect: RegExp): Promise<BotMessage> {
    const before = this.lastId();
    this.person.pressLabel(m, label);
    return this.waitFor((x) => expect.test(x.text), before, `the button "${label}"`);
  }

  /** The first message after `afterId` that satisfies `test`, as soon as the bot sends it. */
  waitFor(test: (m: BotMessage) => boolean, afterId: number, what: string): Promise<BotMessage> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const m = this.tg.messagesTo(this.chatId).find((x) => x.message_id > afterId && test(x));
        if (!m) return false;
        finish();
        resolve(m);
        return true;
      };
      const timer = setTimeout(() => {
        finish();
        reject(new SampleError(`no answer to ${what} within ${this.timeoutMs} ms; the bot's last message: ${this.lastText()}`));
      }, this.timeoutMs);
      const stop = this.tg.listen((chatId) => chatId === this.chatId && check());
      const finish = () => {
        clearTimeout(timer);
        stop();
      };
      check();
    });
  }

  /** The first message after `cursor` that calls for an action (or says the form is done). */
  private nextAction(cursor: number, answer: Answerer, opener: string): Promise<{ message: BotMessage; action: Action }> {
    let found: { message: BotMessage; action: Action } | undefined;
    const pick = (m: BotMessage) => {
      const action = answer(m);
      if (action === "skip") return false;
      found = { message: m, action };
      return true;
    };
    return this.waitFor(pick, cursor, `the form ${opener}`).then(() => found!);
  }

  private lastId(): number {
    return this.tg.messagesTo(this.chatId).at(-1)?.message_id ?? 0;
  }

  private lastText(): string {
    return this.tg.messagesTo(this.chatId).at(-1)?.text ?? "(none)";
  }
}
