// Question shapes shared by every form.
import { parseCount } from "../../domain/numbers.js";
import { cleanTypedText } from "../../domain/text.js";
import { checkReason, REASON_MAX, REASON_MIN } from "../../domain/review.js";
import type { Choice, Parsed, Question } from "./session.js";
import type { Translate } from "../../i18n.js";

export function countChoices(values: number[]): Choice[][] {
  const row = values.map((n) => ({ label: String(n), value: String(n) }));
  return row.length ? [row] : [];
}

export function countQuestion(
  t: Translate,
  text: string,
  opts: {
    max: number;
    quick?: number[];
    offer?: { label: string; value: number };
    tooLarge?: string;
    min?: { value: number; error: string };
    /** A last check on a well-formed number; returns an error text to refuse it. */
    check?: (n: number) => string | undefined;
  },
): Question<number> {
  const buttons = countChoices(opts.quick ?? []);
  if (opts.offer) buttons.unshift([{ label: opts.offer.label, value: String(opts.offer.value) }]);
  return {
    text,
    buttons,
    parse(answer): Parsed<number> {
      if ("file" in answer) return { ok: false, error: t("form-text-expected") };
      const raw = "text" in answer ? answer.text : answer.choice;
      const r = parseCount(raw, opts.max);
      if (r.ok) {
        if (opts.min && r.value < opts.min.value) return { ok: false, error: opts.min.error };
        const refused = opts.check?.(r.value);
        if (refused) return { ok: false, error: refused };
        return { ok: true, value: r.value, shown: String(r.value) };
      }
      if (r.problem === "too-large" && opts.tooLarge) return { ok: false, error: opts.tooLarge };
      return { ok: false, error: t(`form-count-${r.problem}`, { max: opts.max, input: raw.slice(0, 50) }) };
    },
  };
}

export function textQuestion(
  t: Translate,
  text: string,
  opts: { max: number; skippable: boolean },
): Question<string | null> {
  const SKIP = "skip";
  return {
    text,
    buttons: opts.skippable ? [[{ label: t("form-skip"), value: SKIP }]] : [],
    parse(answer): Parsed<string | null> {
      if ("file" in answer) return { ok: false, error: t("form-text-expected") };
      if ("choice" in answer) {
        return answer.choice === SKIP && opts.skippable
          ? { ok: true, value: null, shown: t("form-none") }
          : { ok: false, error: t("form-text-empty") };
      }
      const value = cleanTypedText(answer.text);
      if (!value) return { ok: false, error: t("form-text-empty") };
      if (value.length > opts.max) return { ok: false, error: t("form-text-too-long", { length: value.length, max: opts.max }) };
      return { ok: true, value, shown: value.length > 200 ? `${value.slice(0, 200)}…` : value };
    },
  };
}

/** A question answered only by its buttons; typing gets `typedError`. */
export function choiceQuestion<V extends string>(text: string, buttons: Choice[][], typedError: string, keepText = false): Question<V> {
  const labels = new Map(buttons.flat().map((c) => [c.value, c.label]));
  return {
    text,
    buttons,
    keepText,
    parse(answer): Parsed<V> {
      if ("choice" in answer && labels.has(answer.choice)) {
        return { ok: true, value: answer.choice as V, shown: labels.get(answer.choice)! };
      }
      return { ok: false, error: typedError };
    },
  };
}

export type SummaryAction = "send" | "edit" | "cancel";

/** The last step of every form: send, change one answer, or cancel. */
export function summaryQuestion(t: Translate, text: string, sendLabel: string): Question<SummaryAction> {
  return choiceQuestion<SummaryAction>(
    text,
    [
      [{ label: sendLabel, value: "send" }],
      [
        { label: t("form-button-edit"), value: "edit" },
        { label: t("form-button-cancel"), value: "cancel" },
      ],
    ],
    t("form-choose-button"),
    true,
  );
}

/** "Which answer do you want to change?", two buttons a row. */
export function fieldQuestion<V extends string>(t: Translate, options: Choice[]): Question<V> {
  const rows: Choice[][] = [];
  for (let i = 0; i < options.length; i += 2) rows.push(options.slice(i, i + 2));
  return choiceQuestion<V>(t("form-ask-which-field"), rows, t("form-choose-button"));
}

/** For people who file for more than one branch. */
export function unitQuestion(t: Translate, units: { id: number; name: string }[]): Question<string> {
  return choiceQuestion<string>(
    t("form-choose-unit"),
    units.map((u) => [{ label: u.name, value: String(u.id) }]),
    t("form-choose-button"),
  );
}

/** A reason that must say something (a return to the branch, a change to a closed month). */
export function typedReasonQuestion(t: Translate, text: string): Question<string> {
  return {
    text,
    parse(answer): Parsed<string> {
      if (!("text" in answer)) return { ok: false, error: t("form-text-expected") };
      const r = checkReason(answer.text);
      if (!r.ok) return { ok: false, error: t(`reason-${r.problem}`, { min: REASON_MIN, max: REASON_MAX }) };
      return { ok: true, value: r.reason, shown: r.reason.length > 200 ? `${r.reason.slice(0, 200)}…` : r.reason };
    },
  };
}
