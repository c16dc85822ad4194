import type { Context } from "grammy";
import type { I18nFlavor } from "@grammyjs/i18n";
import type { Conversation, ConversationFlavor } from "@grammyjs/conversations";
import type { Actor } from "../domain/roles.js";
import type { Config } from "../config.js";
import type { Logger } from "../log.js";
import type { UseCaseDeps } from "../usecases/deps.js";

export type { Clock, Outbox } from "../usecases/deps.js";

/** Everything a handler may reach besides the update itself; use cases take it as it is. */
export interface AppDeps extends UseCaseDeps {
  config: Config;
  log: Logger;
}

/** `logger`: this update's (middleware/update-boundary.ts), every line bound to its update_id. */
export type BaseContext = Context & I18nFlavor & { actor: Actor; logger: Logger };
export type BotContext = ConversationFlavor<BaseContext>;
/** Inside a form (conversation) only the plugins passed to it exist. */
export type FormContext = Context & I18nFlavor;
export type FormConversation = Conversation<BotContext, FormContext>;
