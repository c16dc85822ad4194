// Runs `prisma generate` after `npm install`, for SQLite and for PostgreSQL.
// Prisma's CLI first tries to download its native schema engine, which is not
// needed to generate the client; where that download is impossible (offline
// build machines), pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing file
// lets generation proceed. An operator's own setting is left untouched.
//
// prisma/schema.prisma is the one source of the models. A client is generated
// per database, so the PostgreSQL client comes from a copy of it that differs
// only in its provider and output (src/db/generated-pg, not committed).
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

const root = join(dirname(new URL(import.meta.url).pathname), "..");
const env = { ...process.env, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;

function generate(schema) {
  const result = spawnSync("npx", ["--no-install", "prisma", "generate", "--schema", schema], { stdio: "inherit", env, cwd: root });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

generate("prisma/schema.prisma");

const source = readFileSync(join(root, "prisma", "schema.prisma"), "utf8");
const pg = source
  .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
  .replace(/output\s*=\s*"\.\.\/src\/db\/generated"/, 'output       = "./client"');
if (pg === source || !pg.includes('"postgresql"') || !pg.includes('"./client"')) {
  console.error("prisma-generate: could not derive the PostgreSQL schema from prisma/schema.prisma");
  process.exit(1);
}
const pgDir = join(root, "src", "db", "generated-pg");
mkdirSync(pgDir, { recursive: true });
writeFileSync(join(pgDir, "schema.prisma"), `// Derived from prisma/schema.prisma by scripts/prisma-generate.mjs; do not edit.\n${pg}`);
generate("src/db/generated-pg/schema.prisma");
