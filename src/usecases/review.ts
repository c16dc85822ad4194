// Reviewing what branches send: which records a person reviews, and a decision
// (the rights again, the conditional update, the digest rows, the notice to the
// branch) in one transaction.
import { providerOf } from "../db/client.js";
import { Action, mayAnywhere, reach } from "../domain/access.js";
import { RecordKind, ReviewState } from "../domain/review.js";
import type { Actor } from "../domain/roles.js";
import { refusalOf } from "../store/access.js";
import { refreshBranchMonths } from "../store/branch-months.js";
import { onDutyChatIds } from "../store/delegations.js";
import type { Prisma } from "../db/generated/client.js";
import { latestVersionOf, loadReviewRecord, markDecided, pendingRecords, recordSender, recordUnitId, type DecisionWrite, type ReviewRecord } from "../store/review.js";
import type { RecordRef } from "../domain/review.js";
import { APPROVED_JOB, queueDecisionNotice, RETURNED_JOB } from "../outbox/review-notices.js";
import { unitTree } from "../store/units.js";
import { ensureUser, type TelegramPerson } from "../store/users.js";
import type { UseCaseDeps } from "./deps.js";

/**
 * The record, if it exists and this person (by Telegram id) reviews its branch now; "own-unit" when
 * they would, but it is their own branch (they are its secretary or deputy: another member decides);
 * undefined otherwise (a forged or stale button).
 */
export async function reviewable(deps: UseCaseDeps, telegramId: number, ref: RecordRef): Promise<ReviewRecord | { ownUnit: string } | undefined> {
  const record = await loadReviewRecord(deps.db, ref);
  if (!record) return undefined;
  const why = await refusalOf(deps.db, { telegramId, adminIds: deps.config.ADMIN_IDS, action: Action.REVIEW, unitId: record.unitId, now: deps.clock(), timeZone: deps.config.TZ });
  if (why === "own-unit") return { ownUnit: record.unitName };
  return why === undefined ? record : undefined;
}

/** A record as it stands, whoever asks (the button under a returned minutes' notice names its meeting). */
export async function recordOf(deps: UseCaseDeps, ref: RecordRef): Promise<ReviewRecord | null> {
  return loadReviewRecord(deps.db, ref);
}

/** The version that counts now in place of `ref` (replaced while the reviewer looked). */
export async function latestRecord(deps: UseCaseDeps, ref: RecordRef): Promise<ReviewRecord | null> {
  const latest = await latestVersionOf(deps.db, ref);
  return latest && loadReviewRecord(deps.db, latest);
}

export type DecideResult =
  | { status: "ok" }
  /** Someone decided first, or the version was replaced meanwhile: `record` says how it stands now. */
  | { status: "too-late"; record: ReviewRecord }
  /** The reviewer lost the right to decide for the branch (read as the decision is recorded). Nothing recorded. */
  | { status: "not-allowed" }
  /** The reviewer is the branch's secretary or deputy (perhaps since the card came): another member decides. Nothing recorded. */
  | { status: "own-unit" }
  | { status: "missing" };

export interface Decision {
  reviewer: TelegramPerson;
  ref: RecordRef;
  decision: typeof ReviewState.APPROVED | typeof ReviewState.RETURNED;
  /** Why it is returned. */
  note?: string;
}

/**
 * Approves or returns one version. The sender hears of it, and so does whoever files
 * for the branch today (the deputy during a hand-over): the notice is queued in the
 * transaction of the decision, and the reviewer's rights are read in that same
 * transaction, so a role lost while the reason was typed is seen.
 */
export async function decide(deps: UseCaseDeps, d: Decision): Promise<DecideResult> {
  const outcome = await recordDecision(deps, d, {
    unitId: (tx) => recordUnitId(tx, d.ref),
    mark: (tx, write) => markDecided(tx, d.ref, write),
    async after(tx, now) {
      const sent = await recordSender(tx, d.ref);
      // Approved figures count in the totals: the branch's digest rows change with the decision.
      if (d.ref.kind === RecordKind.REPORT) await refreshBranchMonths(tx, providerOf(deps.db), sent.unitId, sent.year!);
      const chats = [sent.senderTelegramId, ...(await onDutyChatIds(tx, sent.unitId, now, deps.config.TZ))];
      await queueDecisionNotice(tx, d.decision === ReviewState.RETURNED ? RETURNED_JOB : APPROVED_JOB, d.ref, chats, now);
    },
  });
  if (outcome !== "unchanged") return { status: outcome };
  const record = await loadReviewRecord(deps.db, d.ref);
  return record ? { status: "too-late", record } : { status: "missing" };
}

/** What differs between the kinds of version a decision is recorded on (reports and minutes, answers to requests). */
export interface DecisionSteps {
  /** The version's branch; undefined when there is no such version. */
  unitId(tx: Prisma.TransactionClient): Promise<number | undefined>;
  /** The conditional update (src/store/review.ts decisionUpdate): false when the version was not current and pending. */
  mark(tx: Prisma.TransactionClient, write: DecisionWrite): Promise<boolean>;
  /** What follows a recorded decision in its transaction: the digest rows, the notice to the branch. */
  after(tx: Prisma.TransactionClient, now: Date): Promise<void>;
}

/**
 * One decision in one transaction: the reviewer's rights read in it (a role lost while the
 * reason was typed is seen), the conditional update, then `after`. "unchanged": the version
 * was replaced or decided first (or there is none).
 */
export async function recordDecision(
  deps: UseCaseDeps,
  d: { reviewer: TelegramPerson; decision: Decision["decision"]; note?: string },
  steps: DecisionSteps,
): Promise<"ok" | "unchanged" | "not-allowed" | "own-unit"> {
  const now = deps.clock();
  const timeZone = deps.config.TZ;
  const reviewerUserId = await ensureUser(deps.db, d.reviewer);
  const outcome = await deps.db.$transaction(async (tx): Promise<"ok" | "unchanged" | "not-allowed" | "own-unit"> => {
    const unitId = await steps.unitId(tx);
    if (unitId !== undefined) {
      const why = await refusalOf(tx, { telegramId: d.reviewer.id, adminIds: deps.config.ADMIN_IDS, action: Action.REVIEW, unitId, now, timeZone });
      if (why !== undefined) return why === "own-unit" ? "own-unit" : "not-allowed";
    }
    if (!(await steps.mark(tx, { decision: d.decision, reviewerUserId, note: d.note ?? null, now }))) return "unchanged";
    await steps.after(tx, now);
    return "ok";
  });
  if (outcome === "ok") deps.outbox.kick();
  return outcome;
}

/** Cards shown at once by /choduyet; the rest after these are dealt with. */
export const CARDS_SHOWN = 10;

export type ReviewQueue = { status: "not-reviewer" } | { status: "ok"; records: ReviewRecord[]; shown: number; total: number };

/** What waits for this person's review, oldest first: the first few records, and how many in all. */
export async function reviewQueue(deps: UseCaseDeps, actor: Actor): Promise<ReviewQueue> {
  if (!mayAnywhere(actor, Action.REVIEW)) return { status: "not-reviewer" };
  const scope = reach(actor, Action.REVIEW, await unitTree(deps.db));
  const { refs, total } = await pendingRecords(deps.db, scope, CARDS_SHOWN);
  const records: ReviewRecord[] = [];
  for (const ref of refs) {
    const record = await loadReviewRecord(deps.db, ref);
    if (record) records.push(record);
  }
  return { status: "ok", records, shown: refs.length, total };
}
