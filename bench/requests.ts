// 4. A request to the 5,000 branches of a province (issue 14), most of them answered: the time
// of /yeucau's status view (its data: targets, answers, the missing's secretaries), and of the
// .xlsx and the draft .docx export of every answer, each with the process's peak memory. The
// measuring runs in a process of its own (bench/child.ts), so its peak is the export's alone.
import { createDb, type Db } from "../src/db/client.js";
import { migrate } from "../src/db/migrate.js";
import { QuestionKind, type RequestQuestion } from "../src/domain/request.js";
import { buildRequestDraft } from "../src/export/request-draft.js";
import { buildRequestFiles } from "../src/export/request-files.js";
import { requestExportLabels } from "../src/export/request-labels.js";
import { buildRequestWorkbook } from "../src/export/request-workbook.js";
import { createI18n, translator } from "../src/i18n.js";
import { requestFilesData } from "../src/store/request-export.js";
import { createRequest, loadRequest } from "../src/store/requests.js";
import { requestStatus } from "../src/usecases/request-status.js";
import { benchDb, gc, inChild, mb, median, type DbKind } from "./support.js";

const ADMIN = 1;
const TZ = "Asia/Ho_Chi_Minh";
const AT = new Date("2026-12-01T02:00:00Z");

/** The outline of reference/000's "Đề cương báo cáo chuyên đề": figures per cohort, numbers, texts. */
const QUESTIONS: RequestQuestion[] = [
  { id: "q1", kind: QuestionKind.LONG_TEXT, section: "I.1", title: "Tình hình công tác tạo nguồn phát triển đảng viên" },
  { id: "q2", kind: QuestionKind.COHORTS, section: "II.1", title: "Kết nạp đảng viên theo đối tượng từ năm 2021" },
  { id: "q3", kind: QuestionKind.COHORTS, section: "II.2", title: "Quần chúng ưu tú hiện có theo đối tượng" },
  { id: "q4", kind: QuestionKind.NUMBER, section: "II.3", title: "Số đảng viên hiện có" },
  { id: "q5", kind: QuestionKind.SHORT_TEXT, section: "III.1", title: "Kiến nghị, đề xuất" },
];

export interface RequestFigures {
  db: DbKind;
  branches: number;
  answered: number;
  seedSeconds: number;
  statusMs: number;
  statusRuns: number;
  xlsxMs: number;
  xlsxBytes: number;
  docxMs: number;
  docxBytes: number;
  /** Peak RSS of the measuring process over each step, and the heap it grew by. */
  statusPeakMb: number;
  xlsxPeakMb: number;
  docxPeakMb: number;
  /** Both files as the bot builds them (in a worker thread), and the longest the event loop was held meanwhile. */
  workerMs: number;
  workerLoopMaxMs: number;
  baseRssMb: number;
}

async function seed(db: Db, branches: number): Promise<{ requestId: number; answered: number }> {
  await db.user.create({ data: { id: 1, telegramId: BigInt(ADMIN), firstName: "Bench", createdAt: AT } });
  await db.unit.create({ data: { id: 1, code: "TINH", name: "Đảng bộ Tỉnh (bench)", kind: "COMMITTEE", parentId: null, createdBy: 0n, createdAt: AT } });
  const districts = Math.ceil(branches / 200);
  await db.unit.createMany({ data: Array.from({ length: districts }, (_, d) => ({ id: 2 + d, code: `H${d}`, name: `Đảng bộ huyện ${d}`, kind: "COMMITTEE", parentId: 1, createdBy: 0n, createdAt: AT })) });
  const first = 2 + districts;
  const unitIds = Array.from({ length: branches }, (_, b) => first + b);
  for (let i = 0; i < branches; i += 1000) {
    const slice = unitIds.slice(i, i + 1000);
    await db.unit.createMany({ data: slice.map((id, k) => ({ id, code: `CB${i + k}`, name: `Chi bộ Trường số ${i + k}`, kind: "BRANCH", parentId: 2 + Math.floor(((i + k) * districts) / branches), createdBy: 0n, createdAt: AT })) });
    await db.user.createMany({ data: slice.map((id) => ({ id, telegramId: BigInt(100_000 + id), firstName: "Bí thư", lastName: `số ${id}`, fullName: `Nguyễn Văn ${id}`, createdAt: AT })) });
    await db.membership.createMany({ data: slice.map((id) => ({ userId: id, unitId: id, role: "SECRETARY", createdAt: AT })) });
  }
  const requestId = await createRequest(db, { title: "Báo cáo chuyên đề tạo nguồn phát triển đảng viên", unitId: 1, createdById: 1, questions: QUESTIONS, dueOn: "2026-12-15", dueTime: null, template: null, prefillFromYear: 2021, targetUnitIds: unitIds, now: AT });
  // Nine in ten answered; a tenth of those late, a third approved, every 20th returned.
  const answering = unitIds.filter((_, b) => b % 10 !== 0);
  for (let i = 0; i < answering.length; i += 1000) {
    await db.requestAnswer.createMany({
      data: answering.slice(i, i + 1000).map((unitId, k) => {
        const x = (i + k) % 7;
        const answers = { q1: `Chi bộ đã rà soát nguồn, lập danh sách quần chúng ưu tú; số ${unitId}.\nCòn khó khăn ở khối học sinh.`, q2: { teachers: x, pupils: x % 3, students: 0, other: x % 2 }, q3: { teachers: 2 + x, pupils: 5, students: 1, other: 0 }, q4: 20 + x, q5: "Đề nghị mở lớp bồi dưỡng nhận thức về Đảng" };
        return { requestId, unitId, version: 1, revision: 1, answers: JSON.stringify(answers), late: (i + k) % 10 === 0, submittedById: unitId, submittedAt: AT, reviewState: (i + k) % 20 === 0 ? "RETURNED" : (i + k) % 3 === 0 ? "APPROVED" : "PENDING" };
      }),
    });
  }
  return { requestId, answered: answering.length };
}

/** Runs `f`, timing it and sampling this process's RSS every 10 ms. */
async function measured<T>(f: () => Promise<T>): Promise<{ ms: number; peakMb: number; result: T }> {
  gc();
  let peak = process.memoryUsage.rss();
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10);
  const t = performance.now();
  const result = await f();
  const ms = performance.now() - t;
  clearInterval(sampler);
  return { ms, peakMb: mb(Math.max(peak, process.memoryUsage.rss())), result };
}

/** In the child: seed, then measure. */
export async function requestMeasure(kind: DbKind, url: string, branches: number): Promise<RequestFigures> {
  const db = createDb(url);
  try {
    await migrate(db);
    const t0 = performance.now();
    const { requestId, answered } = await seed(db, branches);
    const seedSeconds = (performance.now() - t0) / 1000;
    const deps = { db, clock: () => AT, config: { TZ, ADMIN_IDS: [ADMIN] }, outbox: { kick() {} } };
    const status = () => requestStatus(deps, ADMIN, requestId);
    await status(); // warm-up: connections, query plans
    const first = await measured(status);
    if (first.result.status !== "ok" || first.result.counts.answered !== answered) throw new Error("the status view did not count the answers");
    const times = [first.ms];
    while (times.length < 5) times.push((await measured(status)).ms);
    const request = (await loadRequest(db, requestId))!;
    const labels = requestExportLabels(translator(createI18n()), await requestFilesData(db, request));
    const baseRssMb = mb(process.memoryUsage.rss());
    const xlsx = await measured(async () => buildRequestWorkbook(await requestFilesData(db, request), labels, TZ, AT));
    const docx = await measured(async () => buildRequestDraft(await requestFilesData(db, request), labels));
    const input = await requestFilesData(db, request);
    let last = performance.now();
    let loopMax = 0;
    const tick = setInterval(() => {
      const now = performance.now();
      loopMax = Math.max(loopMax, now - last);
      last = now;
    }, 5);
    const inWorker = await measured(() => buildRequestFiles({ input, labels, timeZone: TZ, createdAt: AT }));
    clearInterval(tick);
    return {
      db: kind, branches, answered, seedSeconds,
      statusMs: median(times), statusRuns: times.length, statusPeakMb: first.peakMb,
      xlsxMs: xlsx.ms, xlsxBytes: xlsx.result.length, xlsxPeakMb: xlsx.peakMb,
      docxMs: docx.ms, docxBytes: docx.result.length, docxPeakMb: docx.peakMb,
      workerMs: inWorker.ms, workerLoopMaxMs: loopMax,
      baseRssMb,
    };
  } finally {
    await db.$disconnect();
  }
}

/** In the parent: a fresh database, the child, the database dropped. */
export async function requestsBench(kind: DbKind, branches: number): Promise<RequestFigures | Error> {
  const database = await benchDb(kind, `req${branches}`);
  try {
    return await inChild<RequestFigures>("requests", [kind, database.url, branches], { timeoutMs: 300_000 });
  } catch (e) {
    return e as Error;
  } finally {
    await database.drop();
  }
}

const r1 = (x: number) => Math.round(x * 10) / 10;

export function requestLines(f: RequestFigures | Error, label: string): string[] {
  if (f instanceof Error) return [`   ${label}: FAILED: ${f.message.split("\n")[0]}`];
  return [
    `   ${label}, ${f.branches.toLocaleString("en")} branches, ${f.answered.toLocaleString("en")} answered (seeded in ${r1(f.seedSeconds)} s; RSS before the exports ${f.baseRssMb} MB):`,
    `     status view data: ${r1(f.statusMs)} ms (median of ${f.statusRuns} after a warm-up), peak RSS ${f.statusPeakMb} MB`,
    `     .xlsx export: ${r1(f.xlsxMs)} ms, ${r1(f.xlsxBytes / 1024)} KB, peak RSS ${f.xlsxPeakMb} MB`,
    `     .docx draft:  ${r1(f.docxMs)} ms, ${r1(f.docxBytes / 1024)} KB, peak RSS ${f.docxPeakMb} MB`,
    `     both as the bot builds them, in a worker thread: ${r1(f.workerMs)} ms; the event loop held at most ${r1(f.workerLoopMaxMs)} ms meanwhile`,
  ];
}
