// The one list of the minutes' fields (src/domain/meeting-fields.ts) holds together, and the
// checks made from it refuse what the form would refuse.
import { describe, expect, it } from "vitest";
import { MEETING_FIELD_SPECS, MEETING_FIELDS, MEETING_GROUPS } from "../../src/domain/meeting-fields.js";
import { meetingSchema, type MeetingDraft } from "../../src/domain/meeting.js";

describe("MEETING_FIELD_SPECS", () => {
  const specs: readonly Record<string, unknown>[] = MEETING_FIELD_SPECS;

  it("names each field once, in a group the form has, every group having one", () => {
    const keys = specs.map((s) => s.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const s of specs) expect(MEETING_GROUPS).toContain(s.group);
    for (const g of MEETING_GROUPS) expect(specs.some((s) => s.group === g), g).toBe(true);
  });

  it("asks every stored field and names it in the review card; the derived rate has neither", () => {
    for (const s of specs) expect("ask" in s && "diff" in s, String(s.key)).toBe(s.kind !== "rate");
    for (const s of specs.filter((x) => "column" in x)) expect((s.column as { header: string }).header).toMatch(/^export-meeting-/);
  });

  it("goes group by group in the form and the review card, as the card always listed them", () => {
    expect(MEETING_FIELDS).toEqual([
      "kind", "topic", "heldOn", "place", "chair", "recorder", "onRoll", "present", "absentExcused", "absentUnexcused", "content", "conclusions", "attachments",
    ]);
  });
});

describe("meetingSchema", () => {
  const regular: MeetingDraft = {
    kind: "REGULAR", topic: null, heldOn: "2026-10-05", place: "Hội trường", chair: "Lê Văn Cường", recorder: "Phạm Thị Dung",
    onRoll: 8, present: 6, absentExcused: 1, absentUnexcused: 1, content: "Nội dung", conclusions: "Kết luận", attachments: [],
  };
  const problems = (m: unknown) => {
    const r = meetingSchema.safeParse(m);
    return r.success ? [] : r.error.issues.map((i) => i.path.join("."));
  };

  it("takes regular minutes, and thematic ones with their topic", () => {
    expect(problems(regular)).toEqual([]);
    expect(problems({ ...regular, kind: "THEMATIC", topic: "Học tập và làm theo tư tưởng Hồ Chí Minh" })).toEqual([]);
  });

  it("holds the topic to the kind: required for a thematic meeting, refused for a regular one", () => {
    expect(problems({ ...regular, kind: "THEMATIC" })).toEqual(["topic"]);
    expect(problems({ ...regular, topic: "Chủ đề" })).toEqual(["topic"]);
  });

  it("refuses attendance that does not add up to the roll, and an empty roll", () => {
    expect(problems({ ...regular, absentUnexcused: 2 })).toEqual(["present"]);
    expect(problems({ ...regular, onRoll: 0, present: 0, absentExcused: 0, absentUnexcused: 0 })).toEqual(["onRoll"]);
    expect(problems({ ...regular, onRoll: 2001, present: 2001, absentExcused: 0, absentUnexcused: 0 })).toEqual(["onRoll"]);
  });

  it("bounds texts by their entry and trims them, and refuses a blank one", () => {
    expect(problems({ ...regular, place: "x".repeat(200) })).toEqual([]);
    expect(problems({ ...regular, place: "x".repeat(201) })).toEqual(["place"]);
    expect(problems({ ...regular, chair: "x".repeat(101) })).toEqual(["chair"]);
    expect(problems({ ...regular, content: "x".repeat(4001) })).toEqual(["content"]);
    expect(problems({ ...regular, conclusions: "   " })).toEqual(["conclusions"]);
    expect(meetingSchema.parse({ ...regular, recorder: "  Phạm Thị Dung " }).recorder).toBe("Phạm Thị Dung");
  });

  it("takes up to ten files and a date only in its written form", () => {
    const file = { fileId: "f", fileUniqueId: "u", kind: "PDF", fileName: "bien-ban.pdf", size: 1000 };
    expect(problems({ ...regular, attachments: Array(10).fill(file) })).toEqual([]);
    expect(problems({ ...regular, attachments: Array(11).fill(file) })).toEqual(["attachments"]);
    expect(problems({ ...regular, heldOn: "5/10/2026" })).toEqual(["heldOn"]);
    expect(problems({ ...regular, kind: "OTHER" })).toContain("kind");
  });
});
