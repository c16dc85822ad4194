// "Trả lại": the reviewer types why, then the version is returned to its branch.
import { ReviewState } from "../../domain/review.js";
import { recordTitle, tooLateText } from "../../messages/review-card.js";
import type { RecordRef } from "../../domain/review.js";
import { decide, reviewable } from "../../usecases/review.js";
import type { AppDeps, FormContext, FormConversation } from "../context.js";
import { typedReasonQuestion } from "../forms/questions.js";
import { FormSession } from "../forms/session.js";

export const RETURN_FORM = "review-return";

export function createReturnForm(deps: AppDeps) {
  const tz = deps.config.TZ;
  return async function returnRecord(conversation: FormConversation, ctx: FormContext, ref: RecordRef) {
    const form = new FormSession(conversation, ctx, deps);
    const t = form.t.bind(form);
    const person = ctx.from!;

    const before = await form.external(async () => {
      const record = await reviewable(deps, person.id, ref);
      if (!record) return { ok: false as const, text: t("review-not-allowed") };
      if ("ownUnit" in record) return { ok: false as const, text: t("review-own-unit", { unit: record.ownUnit }) };
      if (!record.current || record.state !== ReviewState.PENDING) return { ok: false as const, text: tooLateText(t, record, person.id, tz) };
      return { ok: true as const, what: recordTitle(t, record), unit: record.unitName };
    });
    if (!before.ok) return form.finish(before.text);

    const reason = await form.ask(typedReasonQuestion(t, t("review-ask-reason", { what: before.what })));
    const outcome = await form.external(async () => {
      // The use case checks the rights again as the return is recorded: the role may have been removed while the reason was typed.
      const result = await decide(deps, { reviewer: person, ref, decision: ReviewState.RETURNED, note: reason });
      if (result.status === "ok") return t("review-returned-done", { what: before.what, reason });
      if (result.status === "not-allowed") return t("review-lost-right-return", { what: before.what });
      if (result.status === "own-unit") return t("review-own-unit", { unit: before.unit });
      return result.status === "missing" ? t("review-not-allowed") : tooLateText(t, result.record, person.id, tz);
    });
    return form.finish(outcome);
  };
}
