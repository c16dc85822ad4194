// The last message of a form that Telegram did not take (it was down past the
// retries): queued with the other messages the bot owes, so that the person
// still learns how the form ended, once, when Telegram answers.
import type { Db } from "../db/client.js";
import { enqueueOnce } from "./enqueue.js";
import { JobKind, type NoticeJobPayload } from "./job-kinds.js";

export const NOTICE_JOB = JobKind.FORM_NOTICE;

/** `key` names the occasion (the chat and the update that ended the form): queued twice, it is kept once. */
export async function queueNotice(db: Db, input: { key: string; chatId: number; text: string; now: Date }): Promise<void> {
  const { now } = input;
  const job = { occasion: `${NOTICE_JOB}:${input.key}`, kind: NOTICE_JOB, payload: { text: input.text } satisfies NoticeJobPayload, dueAt: now, now };
  await enqueueOnce(db, job, [{ chatId: BigInt(input.chatId) }]);
}
