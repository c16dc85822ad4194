// "Trả lại": the reviewer types why, then the version is returned to its branch.
import { ReviewState } from "../../domain/review.js";
import { recordTitle, tooLateText } from "../../messages/review-card.js";
import { decide } from "../../store/review.js";
import type { RecordRef } from "../../store/review-queue.js";
import { ensureUser } from "../../store/users.js";
import { loadActor } from "../../store/access.js";
import type { AppDeps, FormContext, FormConversation } from "../context.js";
import { typedReasonQuestion } from "../forms/questions.js";
import { FormSession } from "../forms/session.js";
import { onDutyChatIds } from "../../store/delegations.js";
import { reviewable } from "./access.js";
import { stillReviews } from "../../store/rights.js";

export const RETURN_FORM = "review-return";

export function createReturnForm(deps: AppDeps) {
  const tz = deps.config.TZ;
  return async function returnRecord(conversation: FormConversation, ctx: FormContext, ref: RecordRef) {
    const form = new FormSession(conversation, ctx, deps);
    const t = form.t.bind(form);
    const person = ctx.from!;

    const before = await form.external(async () => {
      const record = await reviewable(deps, await loadActor(deps.db, person.id, deps.config.ADMIN_IDS), ref);
      if (!record) return { ok: false as const, text: t("review-not-allowed") };
      if (!record.current || record.state !== ReviewState.PENDING) return { ok: false as const, text: tooLateText(t, record, person.id, tz) };
      return { ok: true as const, what: recordTitle(t, record) };
    });
    if (!before.ok) return form.finish(before.text);

    const reason = await form.ask(typedReasonQuestion(t, t("review-ask-reason", { what: before.what })));
    const outcome = await form.external(async () => {
      const result = await decide(deps.db, {
        ref,
        reviewerUserId: await ensureUser(deps.db, person),
        decision: ReviewState.RETURNED,
        note: reason,
        now: deps.clock(),
        // The notice goes to whoever files for the branch today (the deputy during a hand-over) and to the sender.
        tellAlso: (tx, unitId) => onDutyChatIds(tx, unitId, deps.clock(), tz),
        // Checked again as the return is recorded: the role may have been removed while the reason was typed.
        stillMay: (tx, unitId) => stillReviews(tx, person.id, deps.config.ADMIN_IDS, unitId, deps.clock(), tz),
      });
      if (result.status === "ok") {
        deps.outbox.kick();
        return t("review-returned-done", { what: before.what, reason });
      }
      if (result.status === "not-allowed") return t("review-lost-right-return", { what: before.what });
      return result.status === "missing" ? t("review-not-allowed") : tooLateText(t, result.record, person.id, tz);
    });
    return form.finish(outcome);
  };
}
