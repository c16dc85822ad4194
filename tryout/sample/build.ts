// Builds the sample committee through the bot itself, as its people would:
// the administrator builds the tree, invites each secretary, deputy and the
// committee member (who open their links), sets the year's quotas and registers
// the group; then, month by month with the bot's clock set back to those days,
// the secretaries file reports and minutes and the committee member approves
// them. Every rule of the bot applies on the way, so the sample stays right
// when the code changes, or fails here saying which answer it could not give.
import type { BotMessage } from "../bot-api/server.js";
import { vnParts, type TryoutClock } from "../clock.js";
import { Person, type ChatInfo, type PersonInfo } from "../telegram/people.js";
import type { TelegramStandIn } from "../telegram/stand-in.js";
import { joinAnswers, meetingAnswers, monthText, reportAnswers } from "./answers.js";
import { ADMIN, BRANCHES, COMMITTEE, fullName, GROUP, MEMBER, type SampleBranch } from "./cast.js";
import { Persona, SampleError } from "./persona.js";
import { FIGURES, THEMATIC, storyOf, type Month, type Story } from "./story.js";

const COHORT_WORDS = ["giaovien", "hocsinh", "sinhvien", "khac"] as const;

interface People {
  tg: TelegramStandIn;
  admin: Persona;
  member: Persona;
  group: Persona;
  secretaries: Map<string, Persona>;
}

export interface SampleContext {
  tg: TelegramStandIn;
  clock: TryoutClock;
  /** The month the try-out opens in: the sample is the three months before it. */
  opening: Month;
}

/** Something a branch or the committee member does at a moment of the story. */
type Step = { at: number; kind: "file" | "approve"; branch: SampleBranch; month: number };

/** Returns the moment the try-out opens at; the clock is left there. */
export async function buildSample({ tg, clock, opening }: SampleContext): Promise<Date> {
  const story = storyOf(opening);
  const persona = (info: PersonInfo, chat: ChatInfo = { id: info.id, type: "private" }) => new Persona(tg, new Person(tg, info, chat));
  const people: People = {
    tg,
    admin: persona(ADMIN),
    member: persona(MEMBER),
    // The administrator registers the group from inside it.
    group: persona(ADMIN, GROUP),
    secretaries: new Map(BRANCHES.map((b) => [b.code, persona(b.secretary)])),
  };
  clock.set(story.setupAt);
  await setUp(people, story);

  const steps: Step[] = [];
  for (const branch of BRANCHES) {
    story.months.forEach((_, month) => {
      const filed = story.filedAt(branch.code, month);
      const approved = story.approvedAt(branch.code, month);
      if (filed) steps.push({ at: filed.getTime(), kind: "file", branch, month });
      if (filed && approved) steps.push({ at: approved.getTime(), kind: "approve", branch, month });
    });
  }
  const cards = new Map<string, BotMessage[]>();
  const times = [...new Set(steps.map((s) => s.at))].sort((a, b) => a - b);
  for (const at of times) {
    clock.set(new Date(at));
    const now = steps.filter((s) => s.at === at);
    // Branches file side by side, as they would; each chat keeps its own order.
    await Promise.all(
      now
        .filter((s) => s.kind === "file")
        .map(async (s) => {
          const titles = await fileMonth(people, story, s.branch, s.month);
          // The committee member's cards arrive before the story moves on, so they bear this day's time.
          cards.set(`${s.branch.code}:${s.month}`, await Promise.all(titles.map((title) => cardOf(people, title))));
        }),
    );
    for (const s of now.filter((x) => x.kind === "approve")) await approve(people, s.branch, cards.get(`${s.branch.code}:${s.month}`)!);
  }
  clock.set(story.now);
  return story.now;
}

async function setUp(p: People, story: Story): Promise<void> {
  await p.admin.say(`/themdonvi ${COMMITTEE.code} - ${COMMITTEE.name}`, /^Đã thêm/);
  for (const b of BRANCHES) await p.admin.say(`/themchibo ${b.code} ${COMMITTEE.code} ${b.name}`, /^Đã thêm/);
  const joining: Promise<unknown>[] = [];
  const invite = async (args: string, who: PersonInfo, position: string, welcome: RegExp) => {
    const reply = await p.admin.say(`/moi ${args}`, /\?start=/);
    const code = reply.text.match(/\?start=([A-Za-z0-9_-]+)/)?.[1];
    if (!code) throw new SampleError(`no invite link in: ${reply.text}`);
    // The link is opened on the invitee's phone while the administrator goes on.
    const invitee = new Persona(p.tg, new Person(p.tg, who, { id: who.id, type: "private" }));
    joining.push(invitee.fill(`/start ${code}`, joinAnswers(fullName(who), position, welcome)));
  };
  for (const b of BRANCHES) {
    await invite(b.code, b.secretary, `Bí thư ${b.name}`, /đã được ghi nhận là bí thư/);
    await invite(`${b.code} phobithu`, b.deputy, `Phó Bí thư ${b.name}`, /đã được ghi nhận là phó bí thư/);
  }
  await invite(COMMITTEE.code, MEMBER, "Ủy viên Ban Thường vụ, Trưởng Ban Tổ chức Đảng ủy", /đã được ghi nhận là cấp ủy viên/);
  await Promise.all(joining);
  for (const year of story.quotaYears) {
    for (const b of BRANCHES) {
      await p.admin.say(`/chitieu ${b.code} ${year} ${b.quota.total}`, /^Đã đặt chỉ tiêu/);
      for (const word of COHORT_WORDS) {
        const value = b.quota.cohorts[word];
        if (value !== undefined) await p.admin.say(`/chitieu ${b.code} ${year} ${value} ${word}`, /^Đã đặt chỉ tiêu/);
      }
    }
  }
  await p.group.say(`/dangkynhom ${COMMITTEE.code}`, /^✅ Nhóm này sẽ nhận tổng hợp/);
}

/** A branch's report and minutes for month i; returns the titles of the review cards they make. */
async function fileMonth(p: People, story: Story, b: SampleBranch, i: number): Promise<string[]> {
  const s = p.secretaries.get(b.code)!;
  const period = story.months[i]!;
  await s.fill("/baocao", reportAnswers(period, FIGURES[b.code]![i]!));
  const titles = [`báo cáo tháng ${monthText(period)} của ${b.name} (phiên bản 1)`];
  const thematic = THEMATIC[b.code]?.monthIndex === i ? THEMATIC[b.code]!.topic : undefined;
  for (const topic of thematic ? [undefined, thematic] : [undefined]) {
    // A thematic meeting ten days before the month's regular one.
    const heldOn = dateText(new Date(story.meetingDay(i).getTime() - (topic ? 10 : 0) * 86_400_000));
    const present = b.onRoll - 1 - (i % 2);
    await s.fill(
      "/bienban",
      meetingAnswers({
        ...(topic ? { topic } : {}),
        heldOn,
        place: b.place,
        chair: fullName(b.secretary),
        recorder: fullName(b.deputy),
        onRoll: b.onRoll,
        present,
        absentExcused: b.onRoll - present,
        content: topic
          ? `Quán triệt chuyên đề "${topic}"; đảng viên thảo luận, liên hệ thực tế đơn vị.`
          : `Đánh giá kết quả thực hiện nhiệm vụ tháng ${monthText(period)}; công tác tạo nguồn phát triển đảng viên; triển khai nhiệm vụ tháng tới.`,
        conclusions: "Chi bộ thống nhất các nhiệm vụ trọng tâm; giao đảng viên phụ trách theo dõi, giúp đỡ quần chúng ưu tú.",
      }),
    );
    titles.push(`biên bản sinh hoạt ${topic ? "chuyên đề" : "thường kỳ"} ngày ${heldOn} của ${b.name} (phiên bản 1)`);
  }
  return titles;
}

function cardOf(p: People, title: string): Promise<BotMessage> {
  return p.member.waitFor((m) => m.text.startsWith(`🔎 Cần duyệt: ${title}`), 0, `the review card of ${title}`);
}

/** The committee member presses Duyệt on each card; the branch is told before the story moves on. */
async function approve(p: People, branch: SampleBranch, cards: BotMessage[]): Promise<void> {
  const secretary = p.secretaries.get(branch.code)!;
  for (const card of cards) {
    const before = p.tg.messagesTo(secretary.chatId).at(-1)?.message_id ?? 0;
    const done = await p.member.press(card, "✅ Duyệt", /^✅ Đã duyệt/);
    const what = done.text.replace(/^✅ Đã duyệt /, "").replace(/\.$/, "");
    await secretary.waitFor((m) => m.text.includes(`đã duyệt ${what}`), before, `the notice of ${what}`);
  }
}

function dateText(d: Date): string {
  const v = vnParts(d);
  return `${String(v.day).padStart(2, "0")}/${String(v.month).padStart(2, "0")}/${v.year}`;
}
