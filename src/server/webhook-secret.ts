// The secret Telegram sends with every webhook update (X-Telegram-Bot-Api-Secret-Token)
// when WEBHOOK_SECRET is unset.
import { createHmac } from "node:crypto";

/** Fixed: changing it changes every bot's secret (each instance re-registers it at start, so that is all it does). */
const LABEL = "tro-ly-chi-bo webhook secret_token v1";

/**
 * Derived from the bot token rather than made at random and stored: the
 * database holds no secret, and every instance that has the token computes the
 * same one without asking the others. Whoever knows the token can already act
 * as the bot, so this gives nobody anything new; and a token revoked at
 * @BotFather changes the secret with it. HMAC-SHA256 in base64url: 43
 * characters, within Telegram's 1–256 of A–Z a–z 0–9 _ -.
 */
export function webhookSecretFor(botToken: string): string {
  return createHmac("sha256", botToken).update(LABEL).digest("base64url");
}
