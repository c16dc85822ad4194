// The saved state of a form left open (model ConversationState, written by @grammyjs/conversations
// through its Prisma adapter). The plugin ignores a state whose version is not the bot's
// FORM_STATE_VERSION (src/bot/create-bot.ts) but leaves it in place; this tells that case apart,
// so that the person hears that their form was closed by an update instead of "not understood".
import type { Db } from "../db/client.js";

/**
 * True when `key` holds a form saved under another version, which is then removed (it can never
 * be resumed). The plugin stores `{ version: [its own, ours], state }`; a value of any other shape is
 * left alone and reported as not stale.
 */
export async function dropFormFromOlderVersion(db: Db, key: string, version: number): Promise<boolean> {
  const row = await db.conversationState.findUnique({ where: { key } });
  if (!row) return false;
  let saved: unknown;
  try {
    saved = JSON.parse(row.value);
  } catch {
    return false;
  }
  const versions = (saved as { version?: unknown } | null)?.version;
  if (!Array.isArray(versions) || versions.at(-1) === version) return false;
  await db.conversationState.deleteMany({ where: { key, value: row.value } });
  return true;
}
