// Each field of the monthly recruitment report, described once. The validation schema
// (./report.ts), the form's questions (src/bot/report/questions.ts), the summary
// (src/messages/report-summary.ts), the review card's changes (src/messages/review-card.ts),
// the workbook's report sheet (src/export/), the Prisma selects (src/store/report-columns.ts)
// and the digest rows (src/store/branch-months.ts, src/store/digest-sql.ts) all read this list;
// no other file names the fields one by one.
//
// To add a field:
//   1. an entry below, where it belongs (see "Order");
//   2. a migration: the column on "Report" in prisma/schema.prisma, prisma/migrations and
//      prisma/migrations-postgres; a field with `digest` also needs its "BranchMonth" columns, for
//      both ways of counting totals: all<Stem> and ok<Stem> (a cohort: all/okMonth<Stem> and
//      all/okYear<Stem>);
//   3. its locale keys in locales/vi.ftl: the entry's `ask`, `header` and `diff`, and its
//      { $<key> } in report-summary. A cohort also has the keys named after it, which
//      test/unit/locale.test.ts lists: digest-cohort-, chart-cohort-, export-progress-quota-,
//      export-progress-admitted-, export-progress-rate-, quota-cohort-, quota-cohort-name-<key>.
// Renaming a label is a change to locales/vi.ftl alone.
//
// Order: this list is the order of the workbook's columns. The form asks, and the summary and
// the review card show, the fields group by group (REPORT_GROUPS), in this order within a group,
// except that a group's total is asked before the cohorts that split it.

/** The form's sections, in the order it asks them; each is one "Sửa" button (report-field-<group>). */
export const REPORT_GROUPS = ["candidates", "awarenessClass", "applicationsInReview", "admitted", "madeFull", "removed", "transfers", "note"] as const;
export type ReportGroup = (typeof REPORT_GROUPS)[number];

interface Labels {
  key: string;
  group: ReportGroup;
  /** The form's question; a cohort without one is the remainder of its total, and comes last. */
  ask?: string;
  /** The workbook's column header. */
  header: string;
  /** The name of the field in a review card's list of changes; a derived field has none. */
  diff?: string;
}

interface CountSpec extends Labels {
  /**
   * count: a whole number ≥ 0; cohort: those admitted in one cohort (they add up to the total);
   * part: one share of its group's total, as a cohort is, without a quota; total: the sum of its
   * group's counts, asked first and not stored.
   */
  kind: "count" | "cohort" | "part" | "total";
  /** A total: the message when a cohort or part is more than what is left of it. */
  tooMany?: string;
  /** Upper bound: a branch is tens to a few hundred members, a figure above it is a typing slip. */
  max: number;
  /** Last month's figure is offered as a button: a standing figure, not a monthly flow. */
  carriesOver?: true;
  /** The stem of its "BranchMonth" columns: the digest counts it (see step 2 above). */
  digest?: string;
  /** A cohort: the word administrators type for it when they set a quota (/chitieu CB-01 2026 5 giaovien). */
  word?: string;
  /** Kept from an older form and never asked: set to 0 when its group is answered again. */
  legacy?: true;
}

interface TextSpec extends Labels {
  kind: "text";
  max: number;
  /** The reason for the counts of a group: asked, and required, exactly when one of them is above 0; otherwise optional. */
  reasonFor?: ReportGroup;
}

export type ReportFieldSpec = CountSpec | TextSpec;

export const REPORT_FIELD_SPECS = [
  { key: "candidates", kind: "count", max: 5000, group: "candidates", carriesOver: true, digest: "Candidates",
    ask: "report-ask-candidates", header: "export-report-candidates", diff: "review-field-candidates" },
  { key: "awarenessClass", kind: "count", max: 2000, group: "awarenessClass", digest: "AwarenessClass",
    ask: "report-ask-awarenessClass", header: "export-report-awarenessClass", diff: "review-field-awarenessClass" },
  { key: "applicationsInReview", kind: "count", max: 1000, group: "applicationsInReview", carriesOver: true, digest: "ApplicationsInReview",
    ask: "report-ask-applicationsInReview", header: "export-report-applicationsInReview", diff: "review-field-applicationsInReview" },
  { key: "admittedTeachers", kind: "cohort", max: 500, group: "admitted", word: "giaovien", digest: "Teachers",
    ask: "report-ask-admittedTeachers", header: "export-report-admittedTeachers", diff: "review-field-admittedTeachers" },
  { key: "admittedPupils", kind: "cohort", max: 500, group: "admitted", word: "hocsinh", digest: "Pupils",
    ask: "report-ask-admittedPupils", header: "export-report-admittedPupils", diff: "review-field-admittedPupils" },
  { key: "admittedStudents", kind: "cohort", max: 500, group: "admitted", word: "sinhvien", digest: "Students",
    ask: "report-ask-admittedStudents", header: "export-report-admittedStudents", diff: "review-field-admittedStudents" },
  { key: "admittedOther", kind: "cohort", max: 500, group: "admitted", word: "khac", digest: "Other",
    header: "export-report-admittedOther", diff: "review-field-admittedOther" },
  { key: "admittedTotal", kind: "total", max: 500, group: "admitted", tooMany: "report-cohort-too-many",
    ask: "report-ask-admittedTotal", header: "export-report-admittedTotal" },
  { key: "madeFull", kind: "count", max: 500, group: "madeFull",
    ask: "report-ask-madeFull", header: "export-report-madeFull", diff: "review-field-madeFull" },
  // Members who left the rolls, by the four kinds a party document counts (002 tracks students
  // struck off for leaving party life): asked like the cohorts, a total first, then the kinds that
  // split it; the last kind is what is left, so a month with nobody leaving is one question.
  { key: "removedStruckOff", kind: "part", max: 200, group: "removed", digest: "RemovedStruckOff",
    ask: "report-ask-removedStruckOff", header: "export-report-removedStruckOff", diff: "review-field-removedStruckOff" },
  { key: "removedExpelled", kind: "part", max: 200, group: "removed", digest: "RemovedExpelled",
    ask: "report-ask-removedExpelled", header: "export-report-removedExpelled", diff: "review-field-removedExpelled" },
  { key: "removedResigned", kind: "part", max: 200, group: "removed", digest: "RemovedResigned",
    ask: "report-ask-removedResigned", header: "export-report-removedResigned", diff: "review-field-removedResigned" },
  { key: "removedDied", kind: "part", max: 200, group: "removed", digest: "RemovedDied",
    header: "export-report-removedDied", diff: "review-field-removedDied" },
  // The single count of reports sent before the split (migration 20261203030000_removal_kinds):
  // never asked, kept so that old months keep their totals; answering the group again replaces it.
  { key: "removedUnclassified", kind: "count", max: 200, group: "removed", digest: "RemovedUnclassified", legacy: true,
    header: "export-report-removedUnclassified", diff: "review-field-removedUnclassified" },
  { key: "removedTotal", kind: "total", max: 200, group: "removed", tooMany: "report-removed-too-many",
    ask: "report-ask-removedTotal", header: "export-report-removedTotal" },
  { key: "removedReason", kind: "text", max: 500, group: "removed", reasonFor: "removed",
    ask: "report-ask-removedReason", header: "export-report-removedReason", diff: "review-field-removedReason" },
  { key: "transferredIn", kind: "count", max: 500, group: "transfers",
    ask: "report-ask-transferredIn", header: "export-report-transferredIn", diff: "review-field-transferredIn" },
  { key: "transferredOut", kind: "count", max: 500, group: "transfers",
    ask: "report-ask-transferredOut", header: "export-report-transferredOut", diff: "review-field-transferredOut" },
  { key: "note", kind: "text", max: 2000, group: "note",
    ask: "report-ask-note", header: "export-report-note", diff: "review-field-note" },
] as const satisfies readonly ReportFieldSpec[];

type Spec = (typeof REPORT_FIELD_SPECS)[number];
/** The entries of REPORT_FIELD_SPECS, each with its literal types. */
export type ReportFieldSpecs = Spec;
/** Every field with a bound on a count, the derived total included. */
export type CountField = Extract<Spec, { kind: "count" | "cohort" | "part" | "total" }>["key"];
/** The counts a report stores. */
export type StoredCountField = Extract<Spec, { kind: "count" | "cohort" | "part" }>["key"];
export type CohortField = Extract<Spec, { kind: "cohort" }>["key"];
export type TextField = Extract<Spec, { kind: "text" }>["key"];
/** The fields a report stores (columns of "Report"). */
export type ReportField = StoredCountField | TextField;
/** The counts the digest rows keep, beside the cohorts. */
export type DigestCountField = Extract<Spec, { kind: "count" | "part"; digest: string }>["key"];

const keysOf = <S extends Spec>(pick: (s: Spec) => s is S): S["key"][] => REPORT_FIELD_SPECS.filter(pick).map((s) => s.key);
const isKind =
  <K extends Spec["kind"]>(...kinds: K[]) =>
  (s: Spec): s is Extract<Spec, { kind: K }> =>
    (kinds as string[]).includes(s.kind);

/** The stored fields in order: the review card compares two versions over these. */
export const REPORT_FIELDS: readonly ReportField[] = keysOf(isKind("count", "cohort", "part", "text"));
export const STORED_COUNT_FIELDS: readonly StoredCountField[] = keysOf(isKind("count", "cohort", "part"));
export const COHORTS: readonly CohortField[] = keysOf(isKind("cohort"));
/** The counts of the removal group: the four kinds, then the unsplit count of older reports. */
export type RemovalField = Extract<Spec, { kind: "count" | "part"; group: "removed" }>["key"];
export const REMOVAL_FIELDS: readonly RemovalField[] = keysOf((s): s is Extract<Spec, { key: RemovalField }> => (s.kind === "count" || s.kind === "part") && s.group === "removed");
export const DIGEST_COUNT_FIELDS: readonly DigestCountField[] = keysOf(
  (s): s is Extract<Spec, { key: DigestCountField }> => (s.kind === "count" || s.kind === "part") && "digest" in s,
);

const byKey = new Map<string, Spec>(REPORT_FIELD_SPECS.map((s) => [s.key, s]));
export function reportField<K extends Spec["key"]>(key: K): Extract<Spec, { key: K }> {
  return byKey.get(key) as Extract<Spec, { key: K }>;
}

/** The stored counts of one group: those a reason of that group is for. */
export function groupCounts(group: ReportGroup): StoredCountField[] {
  return REPORT_FIELD_SPECS.filter((s): s is Extract<Spec, { kind: "count" | "cohort" | "part" }> => s.group === group && isKind("count", "cohort", "part")(s)).map(
    (s) => s.key,
  );
}

/** The fields of one group, in the order the form asks them: a total before its cohorts. */
export function groupFields(group: ReportGroup): Spec[] {
  const fields = REPORT_FIELD_SPECS.filter((s) => s.group === group);
  return [...fields.filter((s) => s.kind === "total"), ...fields.filter((s) => s.kind !== "total")];
}
