// "Trả lại" under an answer to a request: the reviewer types why, then the version is
// returned to its branch; the same reason question and rules as for reports (./return-form.ts).
import { RequestStatus } from "../../domain/request.js";
import { ReviewState } from "../../domain/review.js";
import { answerReturnedDone, answerTitle, answerTooLateText } from "../../messages/answer-review.js";
import { decideAnswer, reviewableAnswer } from "../../usecases/answer-review.js";
import type { AppDeps, FormContext, FormConversation } from "../context.js";
import { typedReasonQuestion } from "../forms/questions.js";
import { FormSession } from "../forms/session.js";

export const ANSWER_RETURN_FORM = "answer-return";

export function createAnswerReturnForm(deps: AppDeps) {
  const tz = deps.config.TZ;
  return async function returnAnswer(conversation: FormConversation, ctx: FormContext, answerId: number) {
    const form = new FormSession(conversation, ctx, deps);
    const t = form.t.bind(form);
    const person = ctx.from!;

    const before = await form.external(async () => {
      const answer = await reviewableAnswer(deps, person.id, answerId);
      if (!answer) return { ok: false as const, text: t("review-not-allowed") };
      if ("ownUnit" in answer) return { ok: false as const, text: t("answer-review-own-unit", { unit: answer.ownUnit }) };
      if (!answer.current || answer.state !== ReviewState.PENDING) return { ok: false as const, text: answerTooLateText(t, answer, person.id, tz) };
      return { ok: true as const, what: answerTitle(t, answer), unit: answer.unitName, closed: answer.requestStatus === RequestStatus.CLOSED };
    });
    if (!before.ok) return form.finish(before.text);

    const reason = await form.ask(typedReasonQuestion(t, t("review-ask-reason", { what: before.what })));
    const outcome = await form.external(async () => {
      // The use case checks the rights again as the return is recorded: the role may have been removed while the reason was typed.
      const result = await decideAnswer(deps, { reviewer: person, answerId, decision: ReviewState.RETURNED, note: reason });
      if (result.status === "ok") return answerReturnedDone(t, before.what, before.closed, reason);
      if (result.status === "not-allowed") return t("review-lost-right-return", { what: before.what });
      if (result.status === "own-unit") return t("answer-review-own-unit", { unit: before.unit });
      return result.status === "missing" ? t("review-not-allowed") : answerTooLateText(t, result.answer, person.id, tz);
    });
    return form.finish(outcome);
  };
}
