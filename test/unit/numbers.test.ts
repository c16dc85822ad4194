import { describe, expect, it } from "vitest";
import { parseCount } from "../../src/domain/numbers.js";

const MAX = 5000;

describe("parseCount", () => {
  it.each([
    ["12", 12],
    [" 12 ", 12],
    ["\t12\n", 12],
    ["0", 0],
    ["007", 7],
    ["1.000", 1000],
    ["1,000", 1000],
    ["2.500", 2500],
    ["5000", 5000],
  ])("reads %j as %d", (text, value) => {
    expect(parseCount(text, MAX)).toEqual({ ok: true, value });
  });

  it("reads thousands groups when the bound allows", () => {
    expect(parseCount("1.000.000", 10_000_000)).toEqual({ ok: true, value: 1_000_000 });
    expect(parseCount("1,234,567", 10_000_000)).toEqual({ ok: true, value: 1_234_567 });
  });

  it.each([["không"], ["Không"], ["KHÔNG"], ["khong"], ["ko"], ["k"], [" không "]])("reads %j as 0", (text) => {
    expect(parseCount(text, MAX)).toEqual({ ok: true, value: 0 });
  });

  it("reads 'không' typed with decomposed accents (NFD) as 0", () => {
    expect(parseCount("không".normalize("NFD"), MAX)).toEqual({ ok: true, value: 0 });
  });

  it.each([["-3"], ["- 3"], ["−3"], ["–3"], ["-1.000"], ["-0.5"]])("refuses %j as negative", (text) => {
    expect(parseCount(text, MAX)).toEqual({ ok: false, problem: "negative" });
  });

  it.each([["12,5"], ["12.5"], ["0.5"], ["0,5"], [".5"], ["1.00"], ["1.0000"], ["0.500"]])("refuses %j as a decimal", (text) => {
    expect(parseCount(text, MAX)).toEqual({ ok: false, problem: "decimal" });
  });

  it.each([["abc"], [""], ["   "], ["12a"], ["a12"], ["1 2"], ["1,2,3"], ["12.345,6"], ["+3"], ["3 người"], ["mười"], ["1e3"]])(
    "refuses %j as not a number",
    (text) => {
      expect(parseCount(text, MAX)).toEqual({ ok: false, problem: "not-number" });
    },
  );

  it("refuses anything above the bound, and accepts the bound itself", () => {
    expect(parseCount("500", 500)).toEqual({ ok: true, value: 500 });
    expect(parseCount("501", 500)).toEqual({ ok: false, problem: "too-large" });
    expect(parseCount("1.000", 500)).toEqual({ ok: false, problem: "too-large" });
    expect(parseCount("1", 0)).toEqual({ ok: false, problem: "too-large" });
    expect(parseCount("0", 0)).toEqual({ ok: true, value: 0 });
  });

  it("refuses numbers too long to be exact, whatever the bound", () => {
    expect(parseCount("99999999999999999999", MAX)).toEqual({ ok: false, problem: "too-large" });
    expect(parseCount("99999999999999999999", Number.MAX_SAFE_INTEGER)).toEqual({ ok: false, problem: "too-large" });
    expect(parseCount("9007199254740993", Number.MAX_VALUE)).toEqual({ ok: false, problem: "too-large" });
  });
});
