import { describe, expect, it } from "vitest";
import { readRequestButton, requestButtonData, type RequestButton } from "../../src/domain/request-buttons.js";

describe("request buttons", () => {
  const all: RequestButton[] = [
    { kind: "answer", requestId: 7, revision: 2 },
    { kind: "new" },
    { kind: "copy", requestId: 3 },
    { kind: "edit", requestId: 3 },
    { kind: "view", requestId: 3 },
    { kind: "remind", requestId: 3 },
    { kind: "close", requestId: 3 },
    { kind: "export", requestId: 3 },
    { kind: "approve", answerId: 9 },
    { kind: "return", answerId: 9 },
  ];
  it("read back what they wrote, within Telegram's 64 bytes", () => {
    for (const b of all) {
      const data = requestButtonData(b);
      expect(data.length).toBeLessThanOrEqual(64);
      expect(readRequestButton(data)).toEqual(b);
    }
  });
  it("refuse forged data", () => {
    for (const data of ["yc:tl:7:0", "yc:tl:0:1", "yc:tl:99999999999:1", "yc:xem:abc", "yc:zz:3", "yc:xem:3:4", "yc:moi2", "xyc:xem:3", "yc:xem:-1"]) {
      expect(readRequestButton(data)).toBeUndefined();
    }
  });
});
