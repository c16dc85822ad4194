// Ready-made requests. "Báo cáo chuyên đề tạo nguồn phát triển đảng viên" follows the
// "ĐỀ CƯƠNG BÁO CÁO CHUYÊN ĐỀ" the Đảng ủy Sở sent its branches with plan 72-KH/ĐU
// (reference/000): every numbered part of the outline is a long-text question under its own
// number, and three figures questions stand beside the parts they feed, pre-filled from what
// the branch already reported (PrefillKey). The titles are the document's words, kept in
// locales/vi.ftl; `t` is the bot's translate function.
import { PrefillKey, QuestionKind, type RequestQuestion } from "./request.js";

type T = (key: string, vars?: Record<string, string | number>) => string;

export const TemplateId = { SOURCE_REPORT: "tao-nguon" } as const;
export type TemplateId = (typeof TemplateId)[keyof typeof TemplateId];
export const TEMPLATE_IDS: readonly TemplateId[] = Object.values(TemplateId);

export const isTemplateId = (value: string): value is TemplateId => (TEMPLATE_IDS as readonly string[]).includes(value);

export interface RequestTemplate {
  title: string;
  questions: RequestQuestion[];
}

const long = (id: number, section: string, title: string): RequestQuestion => ({ id: `q${id}`, kind: QuestionKind.LONG_TEXT, section, title });

/** The title of the admissions question names its start year, so it is written again when the year changes. */
export function admittedSinceTitle(t: T, fromYear: number): string {
  return t("request-tpl-admitted-since", { year: String(fromYear) });
}

/** The template's title and questions, the admissions counted from `fromYear`. */
export function requestTemplate(t: T, id: TemplateId, fromYear: number): RequestTemplate {
  switch (id) {
    case TemplateId.SOURCE_REPORT:
      return {
        title: t("request-tpl-title"),
        questions: [
          long(1, "I.1", t("request-tpl-i1")),
          long(2, "I.2", t("request-tpl-i2")),
          { id: "q3", kind: QuestionKind.NUMBER, title: t("request-tpl-members-now"), prefill: PrefillKey.MEMBERS_NOW },
          long(4, "II.1", t("request-tpl-ii1")),
          long(5, "II.2", t("request-tpl-ii2")),
          { id: "q6", kind: QuestionKind.COHORTS, title: t("request-tpl-candidates-now"), prefill: PrefillKey.CANDIDATES_NOW },
          long(7, "II.3", t("request-tpl-ii3")),
          { id: "q8", kind: QuestionKind.COHORTS, title: admittedSinceTitle(t, fromYear), prefill: PrefillKey.ADMITTED_SINCE },
          long(9, "II.4", t("request-tpl-ii4")),
          long(10, "II.5", t("request-tpl-ii5")),
          long(11, "III.1", t("request-tpl-iii1")),
          long(12, "III.2", t("request-tpl-iii2")),
        ],
      };
  }
}

/** Whether the questions need a start year: one of them counts admissions since a year. */
export const needsPrefillYear = (questions: readonly RequestQuestion[]): boolean => questions.some((q) => q.prefill === PrefillKey.ADMITTED_SINCE);

/** The questions with the admissions question's title written for `fromYear`. */
export function withPrefillYear(t: T, questions: readonly RequestQuestion[], fromYear: number): RequestQuestion[] {
  return questions.map((q) => (q.prefill === PrefillKey.ADMITTED_SINCE ? { ...q, title: admittedSinceTitle(t, fromYear) } : q));
}
