// The try-out (tryout/) is never loaded by the bot itself: nothing under src/
// imports it, so `npm start` runs the same code with no sample and no stand-in.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name.startsWith("generated") ? [] : sources(path);
    return e.name.endsWith(".ts") ? [path] : [];
  });
}

test("no module of src/ imports from tryout/", () => {
  const offenders = sources("src").filter((f) => /(from|import)\s*\(?\s*["'][^"']*tryout\//.test(readFileSync(f, "utf8")));
  expect(offenders).toEqual([]);
});

test("npm start runs src/main.ts, npm run thu the try-out", () => {
  const scripts = JSON.parse(readFileSync("package.json", "utf8")).scripts as Record<string, string>;
  expect(scripts.start).toBe("node --import tsx src/main.ts");
  expect(scripts.thu).toBe("node --import tsx tryout/main.ts");
});
