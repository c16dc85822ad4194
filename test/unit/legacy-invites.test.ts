// Invite codes stored in plain text by older versions are hashed at every
// start, not only when the bot itself applies the migration: after
// `prisma migrate deploy` (SQL only) the next start still hashes them.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createDb, type Db } from "../../src/db/client.js";
import { migrate } from "../../src/db/migrate.js";
import { inviteCodeHash, newInviteCode } from "../../src/domain/invite.js";

let dir: string;
let db: Db;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "chibo-legacy-invites-"));
  db = createDb(`file:${join(dir, "bot.db")}`);
  await migrate(db);
});
afterAll(async () => {
  await db?.$disconnect();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test("a code left in plain text by a migration applied without the bot is hashed at the next start, once", async () => {
  const unit = await db.unit.create({ data: { code: "CB-1", name: "Chi bộ 1", kind: "BRANCH", createdBy: 1n } });
  const plain = newInviteCode();
  const hashed = inviteCodeHash(newInviteCode());
  const data = { unitId: unit.id, role: "SECRETARY", createdBy: 1n, expiresAt: new Date("2026-12-01T00:00:00Z") };
  const legacy = await db.invite.create({ data: { ...data, codeHash: plain } });
  const current = await db.invite.create({ data: { ...data, codeHash: hashed } });
  expect(await migrate(db)).toEqual([]);
  expect((await db.invite.findUniqueOrThrow({ where: { id: legacy.id } })).codeHash).toBe(inviteCodeHash(plain));
  expect((await db.invite.findUniqueOrThrow({ where: { id: current.id } })).codeHash).toBe(hashed);
  await migrate(db);
  expect((await db.invite.findUniqueOrThrow({ where: { id: legacy.id } })).codeHash).toBe(inviteCodeHash(plain));
});

test("a hash is SHA-256 in 64 hexadecimal digits, and a code is never 64 characters long (how the start-up step tells them apart)", () => {
  expect(inviteCodeHash("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  for (let i = 0; i < 20; i++) expect(newInviteCode()).toHaveLength(22);
});
