// Every kind of job with how it is rendered, at the moment it is sent: `load`
// reads what is true now (null: nothing true is left to say, and the delivery is
// skipped), then `format` (src/messages/deliveries.ts) turns that into messages
// without reading anything more. A card for a version decided or replaced before
// its turn, a reminder to a branch that reported meanwhile, are not sent.
import type { Db } from "../db/client.js";
import { Action, filingUnits } from "../domain/access.js";
import { todayIn } from "../domain/meeting.js";
import { deadlineOf } from "../domain/period.js";
import { monthMove } from "../messages/deadline-moved.js";
import { ReviewState } from "../domain/review.js";
import { daysLeft, digestPeriodAt, treeRule, type ScheduleSettings } from "../domain/schedule.js";
import type { Translate } from "../i18n.js";
import {
  approvedOut,
  digestOut,
  lateListOut,
  reminderMessages,
  returnedOut,
  reviewCardOut,
  type GroupDigestData,
  type LateListData,
  type ReminderData,
} from "../messages/deliveries.js";
import { answerApprovedNotice, answerCard, answerReturnedNotice } from "../messages/answer-review.js";
import { personalMenu } from "../messages/help.js";
import { requestDeliveryOut, type RequestDeliveryData } from "../messages/request-delivery.js";
import { RequestStatus } from "../domain/request.js";
import { loadRequest } from "../store/requests.js";
import { requestAsker, unitNames } from "../store/request-notice.js";
import type { OutMessage } from "../messages/out-message.js";
import { loadActor, refusalOf } from "../store/access.js";
import { delegatedUnitIds } from "../store/delegations.js";
import { loadDigest } from "../store/digest-sql.js";
import { namesStillWithoutReport } from "../store/missing-reports.js";
import { loadReviewRecord, type ReviewRecord } from "../store/review.js";
import { loadAnswerReview } from "../store/request-review.js";
import type { AnswerUnderReview } from "../domain/request-review.js";
import { groupShowsNames } from "../store/group-names.js";
import { secretaryNames } from "../store/units.js";
import { JobKind, type AnswerJobPayload, type RequestDeliveryPayload, type RequestJobPayload, type GroupPayload, type MenuJobPayload, type NoticeJobPayload, type OccasionJobPayload, type RecordJobPayload, type ReminderPayload } from "./job-kinds.js";
import { supersededMenu } from "./menus.js";
import { requestReminder } from "./request-reminder.js";
import { requestDueReminder, requestLateList } from "./request-kinds.js";

/** The moment of sending: `now` is when this delivery goes out, not when it was planned. */
export interface RenderContext {
  t: Translate;
  timeZone: string;
  schedule: ScheduleSettings;
  now: Date;
  /** ADMIN_IDS: a menu's roles include being an administrator. */
  adminIds: readonly number[];
  /** The bot's @username, for the t.me links of buttons that open its private chat. */
  botUsername: string;
}

/** The delivery being rendered. */
export interface DeliveryRef {
  id: number;
  chatId: bigint;
}

interface Renderer<D> {
  /** `job`: the JobRun's payload; `payload`: the delivery's. */
  load(db: Db, job: unknown, payload: unknown, c: RenderContext, delivery: DeliveryRef): Promise<D | null>;
  format(t: Translate, data: D, c: RenderContext): OutMessage[];
}
const kind = <D>(r: Renderer<D>) => r as Renderer<unknown>;

const reminder = kind<ReminderData>({
  async load(db, job, payload, c, delivery) {
    const { period, due = treeRule(c.schedule) } = job as OccasionJobPayload;
    // After the deadline a reminder has nothing true to say: the sender skips it before it gets
    // here, and this keeps the text from ever saying "hôm nay" late.
    const days = daysLeft(period, c.now, due, c.timeZone);
    if (days === null) return null;
    // Only the branches the person still files for: a role removed since the plan is not reminded.
    const actor = await loadActor(db, Number(delivery.chatId), []);
    const files = filingUnits(actor, await delegatedUnitIds(db, todayIn(c.now, c.timeZone))).may;
    const unitIds = (payload as ReminderPayload).unitIds.filter((id) => files.some((m) => m.unitId === id));
    if (unitIds.length === 0) return null;
    const units = await namesStillWithoutReport(db, period, unitIds);
    const moved = monthMove(period, due);
    return { period, deadline: deadlineOf(period, due, c.timeZone), days, units, ...(moved ? { moved } : {}) };
  },
  format: (t, d, c) => reminderMessages(t, d, c.timeZone),
});

/** The secretaries named beside the missing branches, when the group's committee chose names (/caidat <mã> tên hiện). */
async function groupPeople(db: Db, unitId: number, missing: readonly { unitId: number }[]): Promise<Map<number, string[]> | undefined> {
  return (await groupShowsNames(db, unitId)) ? secretaryNames(db, missing.map((b) => b.unitId)) : undefined;
}

const lateList = kind<LateListData>({
  // A late list is about its month, however late it goes.
  async load(db, job, payload, c) {
    const { period, due = treeRule(c.schedule) } = job as OccasionJobPayload;
    const loaded = await loadDigest(db, (payload as GroupPayload).unitId, period);
    // The group's unit was removed since the occasion was planned: nothing to say.
    if (!loaded) return null;
    const people = await groupPeople(db, loaded.root.id, loaded.digest.reports.missing);
    const moved = monthMove(period, due);
    return { unitName: loaded.root.name, digest: loaded.digest, deadline: deadlineOf(period, due, c.timeZone), ...(people ? { people } : {}), ...(moved ? { moved } : {}) };
  },
  format: (t, d, c) => lateListOut(t, d, c.timeZone, c.botUsername),
});

const digest = kind<GroupDigestData>({
  // A digest shows the picture at the moment it is read: one planned on Monday 30/11 and sent on
  // 02/12 after an outage is about November, whose reports are being collected, not October
  // (digestPeriodAt: "sent at").
  async load(db, _job, payload, c) {
    const loaded = await loadDigest(db, (payload as GroupPayload).unitId, digestPeriodAt(c.now, c.timeZone));
    if (!loaded) return null;
    const people = await groupPeople(db, loaded.root.id, loaded.digest.reports.missing);
    return { unitName: loaded.root.name, digest: loaded.digest, inviteAt: loaded.inviteAt, ...(people ? { people } : {}) };
  },
  format: (t, d, c) => digestOut(t, d, c.botUsername),
});

/** A notice about a version: sent only while that version is current and still in the state it tells of. */
function recordNotice(state: ReviewState, action: Action, format: (t: Translate, r: ReviewRecord, c: RenderContext) => OutMessage[]) {
  return kind<ReviewRecord>({
    async load(db, job, _payload, c, delivery) {
      const record = await loadReviewRecord(db, (job as RecordJobPayload).record);
      if (!record?.current || record.state !== state) return null;
      // A recipient whose role was removed since it was queued reads nothing more of the unit.
      const q = { telegramId: Number(delivery.chatId), adminIds: c.adminIds, action, unitId: record.unitId, now: c.now, timeZone: c.timeZone };
      return (await refusalOf(db, q)) ? null : record;
    },
    format,
  });
}

/** The same for an answer to a request; a closed request's answers are still reviewed. */
function answerNotice(state: ReviewState, action: Action, format: (t: Translate, a: AnswerUnderReview, c: RenderContext) => OutMessage[]) {
  return kind<AnswerUnderReview>({
    async load(db, job, _payload, c, delivery) {
      const answer = await loadAnswerReview(db, (job as AnswerJobPayload).answerId);
      if (!answer?.current || answer.state !== state) return null;
      const q = { telegramId: Number(delivery.chatId), adminIds: c.adminIds, action, unitId: answer.unitId, now: c.now, timeZone: c.timeZone };
      return (await refusalOf(db, q)) ? null : answer;
    },
    format,
  });
}

/** A person's menu, from their roles as they are when it is sent (src/outbox/menus.ts). */
const menu = kind<OutMessage>({
  async load(db, job, _payload, c, delivery) {
    if (await supersededMenu(db, delivery)) return null;
    const actor = await loadActor(db, Number((job as MenuJobPayload).telegramId), c.adminIds);
    return { menu: personalMenu(c.t, actor) };
  },
  format: (_t, m) => [m],
});

/**
 * A request's revision, while the request is open and that revision is still its latest (a change
 * sends the next one), to the branches the recipient still files for.
 */
const request = kind<RequestDeliveryData>({
  async load(db, job, payload, c, delivery) {
    const { requestId, revision } = job as RequestJobPayload;
    const r = await loadRequest(db, requestId);
    if (!r || r.status !== RequestStatus.OPEN || r.revision !== revision) return null;
    const actor = await loadActor(db, Number(delivery.chatId), []);
    const files = filingUnits(actor, await delegatedUnitIds(db, todayIn(c.now, c.timeZone))).may;
    const unitIds = (payload as RequestDeliveryPayload).unitIds.filter((id) => files.some((m) => m.unitId === id));
    const asker = unitIds.length > 0 ? await requestAsker(db, requestId) : null;
    if (!asker) return null;
    const due = { dueOn: r.dueOn, dueTime: r.dueTime };
    return { requestId, revision, title: r.title, who: asker.who, committee: asker.committee, branches: await unitNames(db, unitIds), questions: r.questions.length, due };
  },
  format: (t, d) => requestDeliveryOut(t, d),
});

const KINDS: Record<JobKind, Renderer<unknown>> = {
  [JobKind.REMINDER]: reminder,
  [JobKind.LATE_LIST]: lateList,
  [JobKind.DIGEST]: digest,
  [JobKind.REVIEW]: recordNotice(ReviewState.PENDING, Action.REVIEW, (t, r, c) => reviewCardOut(t, r, c.timeZone)),
  [JobKind.APPROVED]: recordNotice(ReviewState.APPROVED, Action.VIEW, (t, r) => approvedOut(t, r)),
  [JobKind.RETURNED]: recordNotice(ReviewState.RETURNED, Action.VIEW, (t, r) => returnedOut(t, r)),
  // Written when the form ended: what it says (a receipt, a refusal) stays true.
  [JobKind.FORM_NOTICE]: kind<NoticeJobPayload>({
    load: async (_db, job) => job as NoticeJobPayload,
    format: (_t, d) => [{ text: d.text }],
  }),
  [JobKind.MENU]: menu,
  [JobKind.ANSWER_REVIEW]: answerNotice(ReviewState.PENDING, Action.REVIEW, (t, a, c) => answerCard(t, a, c.timeZone)),
  [JobKind.ANSWER_APPROVED]: answerNotice(ReviewState.APPROVED, Action.VIEW, (t, a) => [answerApprovedNotice(t, a)]),
  [JobKind.ANSWER_RETURNED]: answerNotice(ReviewState.RETURNED, Action.VIEW, (t, a) => [answerReturnedNotice(t, a)]),
  [JobKind.REQUEST]: request,
  [JobKind.REQUEST_REMINDER]: kind(requestReminder),
  [JobKind.REQUEST_DUE_REMINDER]: kind(requestDueReminder),
  [JobKind.REQUEST_LATE_LIST]: kind(requestLateList),
};

/** The messages of one delivery as of `c.now`; none when nothing is left worth saying. */
export async function renderDelivery(db: Db, c: RenderContext, jobKind: string, job: unknown, payload: unknown, delivery: DeliveryRef): Promise<OutMessage[]> {
  const renderer = KINDS[jobKind as JobKind];
  if (!renderer) throw new Error(`no renderer for job kind ${jobKind}`);
  const data = await renderer.load(db, job, payload, c, delivery);
  return data === null ? [] : renderer.format(c.t, data, c);
}
