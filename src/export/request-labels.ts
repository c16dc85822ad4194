// The words of a request's two files (keys "rq-export-…" in locales/vi.ftl), from a
// translator such as the bot's ctx.t: nothing in the files is written in code.
import type { Cohorts } from "../domain/request.js";
import { dueText, type RequestExportInput } from "./request-rows.js";

export interface RequestExportLabels {
  sheet: string;
  code: string;
  branch: string;
  cohorts: Record<keyof Cohorts, string>;
  total: string;
  answeredBy: string;
  answeredAt: string;
  version: string;
  late: string;
  review: string;
  reviewStates: { PENDING: string; APPROVED: string; RETURNED: string };
  yes: string;
  no: string;
  /** The draft's: its heading, the due date line, the summary line, and what fills a section. */
  reportWord: string;
  partyName: string;
  dueLine: string;
  answeredLine: string;
  value: string;
  totalRow: string;
  approvedMark: string;
  noAnswer: string;
  noFiles: string;
  /** null: every branch answered */
  missingLine: string | null;
  draftNote: string;
}

/** Plain strings only (the files are built in a worker thread, which receives them as data). */
export function requestExportLabels(t: (key: string, vars?: Record<string, string | number>) => string, input: RequestExportInput): RequestExportLabels {
  const missing = input.rows.filter((r) => !r.answer).map((r) => r.name);
  return {
    sheet: t("rq-export-sheet"),
    code: t("rq-export-code"),
    branch: t("rq-export-branch"),
    cohorts: { teachers: t("rq-export-cohort-teachers"), pupils: t("rq-export-cohort-pupils"), students: t("rq-export-cohort-students"), other: t("rq-export-cohort-other") },
    total: t("rq-export-total"),
    answeredBy: t("rq-export-answered-by"),
    answeredAt: t("rq-export-answered-at"),
    version: t("rq-export-version"),
    late: t("rq-export-late"),
    review: t("rq-export-review"),
    reviewStates: { PENDING: t("export-review-pending"), APPROVED: t("export-review-approved"), RETURNED: t("export-review-returned") },
    yes: t("export-yes"),
    no: t("export-no"),
    reportWord: t("rq-draft-report"),
    partyName: t("rq-draft-party"),
    dueLine: t("rq-draft-due", { due: dueText(input) }),
    answeredLine: t("rq-draft-answered", { answered: input.rows.length - missing.length, targets: input.rows.length }),
    value: t("rq-draft-value"),
    totalRow: t("rq-draft-total-row"),
    approvedMark: t("rq-draft-approved"),
    noAnswer: t("rq-draft-no-answer"),
    noFiles: t("rq-draft-no-files"),
    missingLine: missing.length > 0 ? t("rq-draft-missing", { names: missing.join(", ") }) : null,
    draftNote: t("rq-draft-note"),
  };
}
