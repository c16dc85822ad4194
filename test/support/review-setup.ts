// Set-up through the committee's own buttons: a member of a committee above the
// branches approves or returns a report from the card the bot sent them, as a
// reviewer does on their phone. Invite the reviewer before the reports are sent:
// cards go to the committee members of the moment.
import { expect } from "vitest";
import type { Period } from "../../src/domain/period.js";
import { ReviewState } from "../../src/domain/review.js";
import type { BotMessage } from "./fake-telegram.js";
import type { Harness, TestUser } from "./harness.js";
import { inviteLink } from "./scenario.js";

export class Reviewer {
  private constructor(
    private h: Harness,
    readonly person: TestUser,
  ) {}

  /** A new committee member of `unitCode`, invited by the administrator. */
  static async invite(h: Harness, unitCode: string, id = 8900): Promise<Reviewer> {
    const code = await inviteLink(h.admin(), unitCode);
    const person = h.user(id, "Duyệt", "Cấp Ủy");
    expect((await person.say(`/start ${code}`)).last.text).toContain("cấp ủy viên");
    return new Reviewer(h, person);
  }

  async approve(branchCode: string, period: Period): Promise<void> {
    await this.person.press("✅ Duyệt", await this.card(branchCode, period));
    await this.settled(branchCode, period, ReviewState.APPROVED);
  }

  async return(branchCode: string, period: Period, reason = "Số liệu chưa khớp sổ sách"): Promise<void> {
    await this.person.press("↩️ Trả lại", await this.card(branchCode, period));
    await this.person.say(reason);
    await this.settled(branchCode, period, ReviewState.RETURNED);
  }

  /** The card of the branch's latest version for the month, once the queue has sent it. */
  private async card(branchCode: string, period: Period): Promise<BotMessage> {
    await this.h.app.scheduler.kick();
    const unit = await this.h.app.db.unit.findUniqueOrThrow({ where: { code: branchCode } });
    const title = `báo cáo tháng ${String(period.month).padStart(2, "0")}/${period.year} của ${unit.name} (phiên bản`;
    const card = this.h.fake.messagesTo(this.person.id).filter((m) => m.text.startsWith("🔎") && m.text.includes(title)).at(-1);
    expect(card, `a review card for ${branchCode}, ${period.month}/${period.year}`).toBeDefined();
    return card!;
  }

  /** The decision is stored, and its notice to the branch sent before the test goes on. */
  private async settled(branchCode: string, period: Period, state: ReviewState): Promise<void> {
    await this.h.app.scheduler.kick();
    const unit = await this.h.app.db.unit.findUniqueOrThrow({ where: { code: branchCode } });
    const current = await this.h.app.db.report.findFirstOrThrow({ where: { unitId: unit.id, year: period.year, month: period.month, supersededAt: null } });
    expect(current.reviewState).toBe(state);
  }
}
