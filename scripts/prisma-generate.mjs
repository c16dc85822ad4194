// Runs `prisma generate` after `npm install`.
// Prisma's CLI first tries to download its native schema engine, which is not
// needed to generate the client; where that download is impossible (offline
// build machines), pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing file
// lets generation proceed. An operator's own setting is left untouched.
import { spawnSync } from "node:child_process";

const env = { ...process.env, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;

const result = spawnSync("npx", ["--no-install", "prisma", "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
