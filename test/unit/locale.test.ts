// Every key the code asks for is in locales/vi.ftl, every message there is
// asked for, and the file has no Fluent syntax errors.
import type { NameProblem, PositionProblem } from "../../src/domain/people.js";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FluentBundle, FluentResource } from "@fluent/bundle";
import type { Expression, Pattern, PatternElement } from "@fluent/bundle/esm/ast.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Config, ServerConfig } from "../../src/config.js";
import { DOCUMENT_KINDS, MeetingKind, type AttachmentProblem, type DateProblem, type MonthMeetingStatus } from "../../src/domain/meeting.js";
import type { CountProblem } from "../../src/domain/numbers.js";
import type { ReportPeriodProblem } from "../../src/domain/period.js";
import type { MonthStatus } from "../../src/domain/progress.js";
import type { QuotaCohort } from "../../src/domain/branch-aggregates.js";
import type { ReasonProblem, ReviewLabel } from "../../src/domain/review.js";
import { REVIEW_LABELS } from "../../src/domain/review-totals.js";
import type { AbsenceProblem } from "../../src/domain/delegation.js";
import type { UnitNameProblem } from "../../src/domain/units.js";
import { COHORTS } from "../../src/domain/report.js";
import { REMOVAL_FIELDS, REPORT_FIELD_SPECS, type ReportFieldSpecs } from "../../src/domain/report-fields.js";
import { MEETING_FIELD_SPECS } from "../../src/domain/meeting-fields.js";
import { Role } from "../../src/domain/roles.js";
import { GROUP_COMMANDS, inMenu, ROLE_COMMANDS, STRANGER_MENU } from "../../src/domain/commands.js";
import { EDITABLE } from "../../src/bot/report/questions.js";
import { MEETING_EDITABLE } from "../../src/bot/minutes/questions.js";
import { MEETING_SHEET, PROGRESS_SHEET, REPORT_SHEET } from "../../src/export/sheets.js";
import { createI18n, LOCALE, LOCALES_DIR } from "../../src/i18n.js";
import { QUESTION_KINDS } from "../../src/domain/request.js";
import type { DueProblem, OptionsProblem, YearProblem } from "../../src/domain/request-rules.js";
import type { RequestPart } from "../../src/bot/requests/questions.js";
import type { ChangeOpening, SendResult, UnitChoice } from "../../src/usecases/requests.js";
import {
  auditActions,
  blankComments,
  findTranslationCalls,
  forwardingArrow,
  listSourceFiles,
  resolveIdentifier,
  translatorBindings,
  type TranslationCall,
} from "./helpers/translation-calls.js";

const blankCommentsOf = (path: string) => blankComments(readFileSync(path, "utf8"));

const ROOT = join(import.meta.dirname, "..", "..");
const SRC = join(ROOT, "src");
const FTL_PATH = join(LOCALES_DIR, `${LOCALE}.ftl`);
const FTL = readFileSync(FTL_PATH, "utf8");

// Values of the union types that template keys are built from. The checks
// below the lists fail the type check (npm test runs tsc) if a union gains a
// member the list lacks.
const REPORT_PERIOD_PROBLEMS = ["format", "not-open", "too-old"] as const satisfies readonly ReportPeriodProblem[];
const UNIT_NAME_PROBLEMS = ["characters", "invisible", "length"] as const satisfies readonly UnitNameProblem[];
const COUNT_PROBLEMS = ["not-number", "negative", "decimal", "too-large"] as const satisfies readonly CountProblem[];
const MONTH_STATUSES = ["submitted", "late", "missing", "due", "open"] as const satisfies readonly MonthStatus[];
const CONFIG_VARIABLES = ["BOT_TOKEN", "ADMIN_IDS", "DATABASE_URL", "TELEGRAM_API_ROOT", "TZ", "LOG_LEVEL", "TELEGRAM_START_SECONDS"] as const satisfies readonly (keyof Config)[];
const SERVER_VARIABLES = ["WEBHOOK_URL", "WEBHOOK_SECRET", "PORT", "DELETE_WEBHOOK"] as const satisfies readonly (keyof ServerConfig)[];
const DATE_PROBLEMS = ["format", "invalid", "future", "too-old"] as const satisfies readonly DateProblem[];
const ATTACHMENT_PROBLEMS = ["type", "name", "too-big", "too-many"] as const satisfies readonly AttachmentProblem[];
const MEETING_STATUSES = ["held", "missing", "open"] as const satisfies readonly MonthMeetingStatus[];
const QUOTA_COHORTS = ["ALL", ...COHORTS] as const satisfies readonly QuotaCohort[];
const REASON_PROBLEMS = ["empty", "too-short", "too-long"] as const satisfies readonly ReasonProblem[];
const ABSENCE_PROBLEMS = ["format", "invalid", "end-before-start", "past", "too-long"] as const satisfies readonly AbsenceProblem[];
// src/bot/requests (/yeucau)
const DUE_PROBLEMS = ["format", "invalid", "past", "too-far"] as const satisfies readonly DueProblem[];
const YEAR_PROBLEMS = ["format", "future", "too-old"] as const satisfies readonly YearProblem[];
const OPTIONS_PROBLEMS = ["too-few", "too-many", "too-long", "repeated"] as const satisfies readonly OptionsProblem[];
const REQUEST_PARTS = ["title", "unit", "due", "questions", "year"] as const satisfies readonly RequestPart[];
const UNIT_CHOICE_PROBLEMS = ["bad-code", "missing", "outside", "no-branches"] as const satisfies readonly Exclude<UnitChoice["status"], "ok">[];
const CHANGE_PROBLEMS = ["missing", "not-yours", "closed"] as const satisfies readonly Exclude<ChangeOpening["status"], "ok">[];
const SEND_PROBLEMS = ["not-allowed", "closed", "conflict", "invalid"] as const satisfies readonly Exclude<SendResult["status"], "sent">[];
type Covers<Union, List extends readonly unknown[]> = [Exclude<Union, List[number]>] extends [never] ? true : false;
const NAME_PROBLEMS = ["empty", "too-long", "characters", "one-word"] as const satisfies readonly NameProblem[];
const POSITION_PROBLEMS = ["empty", "too-long", "characters"] as const satisfies readonly PositionProblem[];
const covered: [
  Covers<ReportPeriodProblem, typeof REPORT_PERIOD_PROBLEMS>,
  Covers<UnitNameProblem, typeof UNIT_NAME_PROBLEMS>,
  Covers<CountProblem, typeof COUNT_PROBLEMS>,
  Covers<MonthStatus, typeof MONTH_STATUSES>,
  Covers<keyof Config, typeof CONFIG_VARIABLES>,
  Covers<keyof ServerConfig, typeof SERVER_VARIABLES>,
  Covers<DateProblem, typeof DATE_PROBLEMS>,
  Covers<AttachmentProblem, typeof ATTACHMENT_PROBLEMS>,
  Covers<MonthMeetingStatus, typeof MEETING_STATUSES>,
  Covers<QuotaCohort, typeof QUOTA_COHORTS>,
  Covers<ReasonProblem, typeof REASON_PROBLEMS>,
  Covers<AbsenceProblem, typeof ABSENCE_PROBLEMS>,
  Covers<ReviewLabel, typeof REVIEW_LABELS>,
  Covers<NameProblem, typeof NAME_PROBLEMS>,
  Covers<PositionProblem, typeof POSITION_PROBLEMS>,
  Covers<DueProblem, typeof DUE_PROBLEMS>,
  Covers<YearProblem, typeof YEAR_PROBLEMS>,
  Covers<OptionsProblem, typeof OPTIONS_PROBLEMS>,
  Covers<RequestPart, typeof REQUEST_PARTS>,
  Covers<Exclude<UnitChoice["status"], "ok">, typeof UNIT_CHOICE_PROBLEMS>,
  Covers<Exclude<ChangeOpening["status"], "ok">, typeof CHANGE_PROBLEMS>,
  Covers<Exclude<SendResult["status"], "sent">, typeof SEND_PROBLEMS>,
] = [true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true];

/**
 * The keys of WEEKDAYS in src/domain/schedule-settings.ts (describeSchedule in
 * src/messages/schedule.ts asks for weekday-<key>). WEEKDAYS is typed
 * Record<string, number>, so no type can check this list: the test
 * "lists the weekdays src/domain/schedule-settings.ts declares" compares it with the source.
 */
const WEEKDAY_KEYS = ["cn", "t2", "t3", "t4", "t5", "t6", "t7"] as const;

const SRC_FILES = listSourceFiles(SRC, (p) => p.startsWith(join(SRC, "db", "generated")));

/** The audit actions written in src/store (audit(tx, { action: "x.y" })); undefined for a non-literal one. */
const AUDIT_ACTIONS = auditActions(SRC_FILES.filter((p) => p.startsWith(join(SRC, "store"))));

/**
 * Template keys, with their placeholder written as *, and every value the
 * placeholder can take.
 */
const TEMPLATES: Record<string, readonly string[]> = {
  "report-period-*": REPORT_PERIOD_PROBLEMS,
  // src/bot/units/feature.ts
  "unit-bad-name-*": UNIT_NAME_PROBLEMS,
  "form-count-*": COUNT_PROBLEMS,
  "reason-*": REASON_PROBLEMS,
  // src/bot/people/handover.ts
  "absence-problem-*": ABSENCE_PROBLEMS,
  // src/bot/committees/close-month.ts (monthAndUnits: /khoaso and /mokhoa)
  "*-usage": ["close", "reopen"],
  "*-bad-month": ["close", "reopen"],
  "*-not-over": ["close", "reopen"],
  // src/messages/review-card.ts
  "review-already-*": ["approved", "returned"],
  "review-already-mine-*": ["approved", "returned"],
  "progress-month-*": MONTH_STATUSES,
  "progress-review-*": REVIEW_LABELS,
  "report-field-*": EDITABLE,
  "config-hint-*": [...CONFIG_VARIABLES, ...SERVER_VARIABLES],
  "meeting-kind-*": Object.values(MeetingKind),
  "meeting-date-*": DATE_PROBLEMS,
  "meeting-file-*": ATTACHMENT_PROBLEMS,
  "meeting-file-kind-*": Object.keys(DOCUMENT_KINDS),
  // src/bot/requests/answer-questions.ts: a request's files, checked by the minutes' rule
  "request-file-*": ATTACHMENT_PROBLEMS,
  "meeting-field-*": MEETING_EDITABLE,
  "progress-regular-*": MEETING_STATUSES,
  "progress-thematic-*": MEETING_STATUSES,
  // src/messages/progress.ts: /tiendo grouped
  "progress-regular-group-*": MEETING_STATUSES,
  "progress-thematic-quarter-*": MEETING_STATUSES,
  "progress-review-count-*": REVIEW_LABELS,
  // src/bot/committees/quotas.ts
  "quota-cohort-*": COHORTS,
  "quota-cohort-name-*": QUOTA_COHORTS,
  "role-*": Object.values(Role),
  // src/bot/people/profile.ts
  "profile-name-*": NAME_PROBLEMS,
  "profile-position-*": POSITION_PROBLEMS,
  // auditText: ctx.t(`audit-${e.action.replace(".", "-")}`) replaces the first "." only.
  "audit-*": AUDIT_ACTIONS.every((a) => a !== undefined) ? AUDIT_ACTIONS.map((a) => a.replace(".", "-")) : [],
  "weekday-*": WEEKDAY_KEYS,
  // src/messages/digest.ts
  "digest-cohort-*": COHORTS,
  "digest-review-*": REVIEW_LABELS,
  "digest-*": REMOVAL_FIELDS,
  // src/chart/progress-chart.ts (chartBarNames)
  "chart-cohort-*": COHORTS,
  // src/export/labels.ts (workbookLabels)
  "export-review-*": REVIEW_LABELS,
  // src/bot/requests, src/messages/request-summary.ts (/yeucau)
  "request-kind-*": QUESTION_KINDS,
  "request-due-*": DUE_PROBLEMS,
  "request-year-*": YEAR_PROBLEMS,
  "request-options-*": OPTIONS_PROBLEMS,
  "request-part-*": REQUEST_PARTS,
  "request-unit-*": UNIT_CHOICE_PROBLEMS,
  "request-change-*": CHANGE_PROBLEMS,
  "request-send-*": SEND_PROBLEMS,
};

/**
 * Keys a template could in principle produce but the code never asks for.
 * Each is checked to be really absent from vi.ftl, so the list stays honest.
 */
const NEVER_ASKED: Record<string, string> = {};

/** Every command line and menu description the lists of src/domain/commands.ts name. */
const COMMAND_ENTRIES = [...Object.values(ROLE_COMMANDS).flat(), ...GROUP_COMMANDS];

/**
 * Calls whose key is a variable that resolveIdentifier cannot follow (it reads
 * `const x = "a" | "b"` declarations and parameters of named functions whose
 * callers pass literals): where their values come from.
 */
const EXPRESSIONS: Record<string, (call: TranslationCall) => string[] | undefined> = {
  // The locale keys an entry of src/domain/report-fields.ts names (ask, header, diff), read where
  // the entries are: figureQuestion and textFieldQuestion ask the counts, the total and the texts,
  // cohortQuestion the cohorts that have a question.
  "src/bot/report/questions.ts spec.ask": () => reportKeys("ask", (s) => s.kind !== "cohort" && s.kind !== "part"),
  "src/bot/report/questions.ts reportField(field).ask": () => reportKeys("ask", (s) => s.kind === "cohort" || s.kind === "part"),
  // cohortQuestion names a share's refusal by its group total's `tooMany`.
  "src/bot/report/questions.ts tooMany": () => reportKeys("tooMany"),
  // workbookLabels names each column of each sheet by its header key (src/export/sheets.ts; a
  // report field's is its entry's `header`).
  "src/export/labels.ts c.header": () => [...REPORT_SHEET, ...MEETING_SHEET, ...PROGRESS_SHEET].map((c) => c.header),
  // The texts the minutes must have (src/domain/meeting-fields.ts), asked by textFieldQuestion.
  "src/bot/minutes/questions.ts spec.ask": () => entryKeys(MEETING_FIELD_SPECS, "ask", (s) => s.kind === "text"),
  // changedFields labels each change with its entry's `diff`.
  "src/messages/review-card.ts c.label": () => [...reportKeys("diff"), ...entryKeys(MEETING_FIELD_SPECS, "diff")],
  // src/messages/help.ts writes /trogiup and the menus from the lists of src/domain/commands.ts.
  "src/messages/help.ts TITLES[a]": () => Object.keys(ROLE_COMMANDS).map((a) => `help-title-${a}`),
  "src/messages/help.ts e.help": () => COMMAND_ENTRIES.map((e) => e.help),
  "src/messages/help.ts e.menu": () => [...inMenu(COMMAND_ENTRIES), ...STRANGER_MENU].map((e) => e.menu),
  // FormSession.t(key, vars) passes its argument on to ctx.t; its callers are scanned as t("...").
  "src/bot/forms/session.ts key": () => [],
  // `workbookLabels((k) => ctx.t(k))` hands ctx.t to workbookLabels(t), whose t("...") and
  // t(c.header) calls are scanned in src/export/labels.ts. Only while the call
  // keeps exactly that shape; translators arrive under the name t (see the test below).
  "src/bot/committees/digests.ts k": (call) => (forwardingArrow(call, "k") === "workbookLabels" ? [] : undefined),
  // translator() returns `(key, vars) => i18n.t(LOCALE, key, vars)`, a Translate that the jobs
  // and messages receive as t and call as t("...").
  "src/i18n.ts key": (call) => (forwardingArrow(call, "key") === "return" ? [] : undefined),
};

/** The `prop` keys of the field entries (those `which` picks) that have one. */
function entryKeys<S extends object>(specs: readonly S[], prop: "ask" | "header" | "diff" | "tooMany", which: (s: S) => boolean = () => true): string[] {
  return specs.filter(which).flatMap((s) => (prop in s ? [(s as Record<typeof prop, string>)[prop]] : []));
}
const reportKeys = (prop: "ask" | "header" | "diff" | "tooMany", which?: (s: ReportFieldSpecs) => boolean) => entryKeys(REPORT_FIELD_SPECS, prop, which);

/** `reportField("x").ask`, `meetingField("x").diff`: the key one entry of a field list names. */
function entryKey(text: string): string[] | undefined {
  const m = text.match(/^(report|meeting)Field\("(\w+)"\)\.(ask|diff)$/);
  if (!m) return undefined;
  const specs: readonly object[] = m[1] === "report" ? REPORT_FIELD_SPECS : MEETING_FIELD_SPECS;
  const spec = specs.find((s) => "key" in s && s.key === m[2]) as Record<string, unknown> | undefined;
  const key = spec?.[m[3]!];
  return typeof key === "string" ? [key] : undefined;
}

const sourceFiles = SRC_FILES;
const calls = findTranslationCalls(ROOT, sourceFiles);

function keysOf(call: TranslationCall): string[] | undefined {
  switch (call.argument.kind) {
    case "literal":
      return call.argument.keys;
    case "template": {
      const pattern = call.argument.template.replace(/\$\{[^}]*\}/g, "*");
      const values = TEMPLATES[pattern];
      return values?.map((v) => pattern.replace("*", v));
    }
    case "expression": {
      const known = EXPRESSIONS[`${call.file} ${call.argument.text}`];
      return known ? known(call) : (entryKey(call.argument.text) ?? resolveIdentifier(sourceFiles, call, call.argument.text));
    }
  }
}

const usedKeys = new Map<string, string>(); // key → where it is used
for (const call of calls) {
  for (const key of keysOf(call) ?? []) if (!usedKeys.has(key)) usedKeys.set(key, `${call.file}:${call.line}`);
}

const resource = new FluentResource(FTL);
const messageIds = resource.body.filter((e) => !e.id.startsWith("-")).map((e) => e.id);

/** Variables a pattern refers to, at any depth. */
function variablesOf(pattern: Pattern | null, into = new Set<string>()): Set<string> {
  if (pattern === null || typeof pattern === "string") return into;
  const visit = (e: PatternElement | Expression): void => {
    if (typeof e === "string") return;
    switch (e.type) {
      case "var":
        into.add(e.name);
        break;
      case "select":
        visit(e.selector);
        for (const v of e.variants) variablesOf(v.value, into);
        break;
      case "func":
      case "term":
        for (const a of e.args) if (a.type !== "narg") visit(a);
        break;
    }
  };
  pattern.forEach(visit);
  return into;
}

/** Every problem the Fluent runtime would hide or stumble on; empty for a sound file. */
function ftlProblems(text: string): string[] {
  const problems: string[] = [];
  const res = new FluentResource(text);
  // The runtime parser silently skips an entry it cannot read: compare with what the file declares.
  const declared = [...text.matchAll(/^(-?[a-zA-Z][\w-]*) *=/gm)].map((m) => m[1]!);
  const parsed = res.body.map((e) => e.id);
  for (const id of declared) if (!parsed.includes(id)) problems.push(`${id}: syntax error, the entry is skipped`);
  // A line that is not blank, a comment, an entry or an indented continuation is skipped as junk.
  text.split(/\r?\n/).forEach((line, i) => {
    if (!(line.trim() === "" || line.startsWith("#") || /^-?[a-zA-Z][\w-]* *=/.test(line) || /^ +\S/.test(line))) {
      problems.push(`line ${i + 1}: stray text ${JSON.stringify(line.slice(0, 40))}`);
    }
  });
  const bundle = new FluentBundle(LOCALE, { useIsolating: false });
  for (const e of bundle.addResource(res)) problems.push(e.message);
  for (const entry of res.body) {
    if (entry.id.startsWith("-")) continue;
    const message = bundle.getMessage(entry.id);
    if (!message || message.value === null) {
      problems.push(`${entry.id}: no value`);
      continue;
    }
    const args = Object.fromEntries([...variablesOf(message.value)].map((v) => [v, "X"]));
    const errors: Error[] = [];
    const formatted = bundle.formatPattern(message.value, args, errors);
    for (const e of errors) problems.push(`${entry.id}: ${e.message}`);
    if (!formatted.trim()) problems.push(`${entry.id}: empty`);
  }
  return problems;
}

describe("locales/vi.ftl", () => {
  it("parses with @fluent/bundle without syntax errors, duplicates, stray lines or broken references", () => {
    expect(ftlProblems(FTL)).toEqual([]);
    expect(messageIds.length).toBeGreaterThan(50);
  });

  it("(the check catches the usual mistakes)", () => {
    expect(ftlProblems("ok = Xin chào { $name }\n")).toEqual([]);
    expect(ftlProblems("a = một\nb = { $x\n")).toEqual(["b: syntax error, the entry is skipped"]);
    expect(ftlProblems("a = dòng một\ndòng hai không thụt lề\n")).toEqual(['line 2: stray text "dòng hai không thụt lề"']);
    expect(ftlProblems("a = một\na = hai\n")).toHaveLength(1);
    expect(ftlProblems("a = { b }\n")).toEqual(["a: Unknown message: b"]);
    expect(ftlProblems("a = { -term }\n")).toEqual(["a: Unknown term: -term"]);
  });
});

describe("translation keys in src", () => {
  it("finds the translation calls (the scanner works)", () => {
    expect(calls.length).toBeGreaterThan(50);
    expect(usedKeys.get("refuse-no-role")).toMatch(/^src\/bot\//);
    expect(usedKeys.get("config-missing")).toMatch(/^src\/main\.ts:\d+$/);
    expect(covered.every(Boolean)).toBe(true);
  });

  it("reads the audit actions written in src/store, all of them literals", () => {
    expect(AUDIT_ACTIONS).not.toContain(undefined);
    expect(AUDIT_ACTIONS).toEqual(expect.arrayContaining(["unit.add", "invite.create", "quota.set", "schedule.set", "group.register", "group.unregister"]));
  });

  it("lists the weekdays src/domain/schedule-settings.ts declares", () => {
    const source = blankCommentsOf(join(SRC, "domain", "schedule-settings.ts"));
    const body = source.match(/const WEEKDAYS\b[^=]*=\s*\{([^}]*)\}/)?.[1];
    expect(body, "const WEEKDAYS = { ... } in src/domain/schedule-settings.ts").toBeDefined();
    const keys = [...body!.matchAll(/([\w$]+|"[^"]*")\s*:/g)].map((m) => m[1]!.replace(/"/g, ""));
    expect(keys).toEqual([...WEEKDAY_KEYS]);
  });

  it("passes translators around only under the name t, whose calls the scanner sees", () => {
    const bindings = translatorBindings(ROOT, sourceFiles);
    expect(bindings.length).toBeGreaterThan(5);
    expect(bindings.filter((b) => b.name !== "t")).toEqual([]);
  });

  it("can resolve every key argument (a new template or variable key must be added to this test)", () => {
    const unresolved = calls
      .filter((c) => keysOf(c) === undefined)
      .map((c) => `${c.file}:${c.line} ${c.callee}(${c.argument.kind === "template" ? `\`${c.argument.template}\`` : c.argument.kind === "expression" ? c.argument.text : ""})`);
    expect(unresolved).toEqual([]);
  });

  it("asks only for keys that exist in vi.ftl", () => {
    const ids = new Set(messageIds);
    const missing = [...usedKeys]
      .filter(([key]) => !ids.has(key) && !(key in NEVER_ASKED))
      .map(([key, where]) => `${key} (${where})`);
    expect(missing).toEqual([]);
  });

  it("lists as never asked only keys that are really absent from vi.ftl", () => {
    for (const key of Object.keys(NEVER_ASKED)) expect(messageIds).not.toContain(key);
  });

  it("uses every message in vi.ftl", () => {
    const unused = messageIds.filter((id) => !usedKeys.has(id));
    expect(unused).toEqual([]);
  });

  it("renders every key through the bot's own i18n setup, without isolation marks", () => {
    const i18n = createI18n();
    const bundle = new FluentBundle(LOCALE);
    bundle.addResource(resource);
    for (const key of usedKeys.keys()) {
      if (key in NEVER_ASKED) continue;
      const message = bundle.getMessage(key)!;
      const args = Object.fromEntries([...variablesOf(message.value)].map((v) => [v, "X"]));
      const text = i18n.t(LOCALE, key, args);
      expect(text, key).not.toBe(key);
      expect(text, key).not.toMatch(/[\u2068\u2069]/);
    }
  });
});

describe("the key scanner (on a made-up source file)", () => {
  const SAMPLE = `
import { t as unrelated } from "x";
// t("in-a-line-comment")
/* ctx.t("in-a-block-comment") */
class Session {
  t(key: string, vars?: Record<string, string>): string {
    return this.ctx.t(key, vars);
  }
}
function ask(t: T, key: string, max: number) {
  return t(key, { max });
}
export function run(ctx: Ctx, open: boolean) {
  ctx.t("plain");
  i18n.t(LOCALE, "second-argument", { a: 1 });
  t(open ? "when-open" : "when-closed");
  ctx.t(\`state-\${row.status}\`, { link: \`https://t.me/\${name}\` });
  const usage = open ? "usage-a" : "usage-b";
  ctx.t(usage);
  ask(t, "asked-through-helper", 3);
  ask(t, "asked-twice", 3);
  reply("t(\\"not-a-call-in-text\\")".length);
}
`;
  let dir: string;
  let file: string;
  let found: TranslationCall[];
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "chibo-keys-"));
    file = join(dir, "sample.ts");
    writeFileSync(file, SAMPLE);
    found = findTranslationCalls(dir, [file]);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("finds calls, skips comments and the method signature", () => {
    const shown = found.map((c) => `${c.callee} ${c.argument.kind === "literal" ? c.argument.keys.join("|") : c.argument.kind === "template" ? c.argument.template : c.argument.text}`);
    expect(shown).toEqual([
      "this.ctx.t key",
      "t key",
      "ctx.t plain",
      "i18n.t second-argument",
      "t when-open|when-closed",
      "ctx.t state-${row.status}",
      "ctx.t usage",
    ]);
  });

  it("follows a const declaration and a helper's parameter back to their literals", () => {
    const byText = (text: string) => found.find((c) => c.argument.kind === "expression" && c.argument.text === text && c.callee !== "this.ctx.t")!;
    expect(resolveIdentifier([file], byText("usage"), "usage")).toEqual(["usage-a", "usage-b"]);
    expect(resolveIdentifier([file], byText("key"), "key")).toEqual(["asked-through-helper", "asked-twice"]);
  });
});
