import type { Context } from "grammy";
import type { I18nFlavor } from "@grammyjs/i18n";
import type { Conversation, ConversationFlavor } from "@grammyjs/conversations";
import type { Actor } from "../domain/roles.js";
import type { Config } from "../config.js";
import type { Db } from "../db/client.js";
import type { Logger } from "../log.js";

export type Clock = () => Date;

/** Everything a handler may reach besides the update itself. */
export interface AppDeps {
  db: Db;
  config: Config;
  clock: Clock;
  log: Logger;
  /** Sends queued messages now (a review card, a returned report) instead of at the next minute. */
  outbox: Outbox;
}

export interface Outbox {
  kick(): void;
}

export type BaseContext = Context & I18nFlavor & { actor: Actor };
export type BotContext = ConversationFlavor<BaseContext>;
/** Inside a form (conversation) only the plugins passed to it exist. */
export type FormContext = Context & I18nFlavor;
export type FormConversation = Conversation<BotContext, FormContext>;
