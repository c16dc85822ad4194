// The database at start: opened, migrated, its derived rows built. Any failure
// becomes a StartupError whose line says why (src/startup/database-problem.ts).
import { createDb, providerOf, type Db } from "../db/client.js";
import { migrate } from "../db/migrate.js";
import type { Logger } from "../log.js";
import { ensureBranchMonths } from "../store/branch-months.js";
import { payDigestRefreshes } from "../store/digest-refresh.js";
import { databaseProblem } from "./database-problem.js";
import { StartupError } from "./problems.js";

export async function openDatabase(url: string, log: Logger): Promise<Db> {
  let db: Db | undefined;
  try {
    db = createDb(url);
    const applied = await migrate(db);
    if (applied.length) log.info({ applied }, "migrations applied");
    await ensureBranchMonths(db, providerOf(db), log);
    // What a process stopped between a receipt and its after-step left owed.
    const paid = await payDigestRefreshes(db);
    if (paid) log.info({ paid }, "owed digest rows refreshed");
    return db;
  } catch (e) {
    await db?.$disconnect().catch(() => undefined);
    const problem = databaseProblem(e, url);
    log.error({ database: problem.database, problem: problem.problem }, "database could not be opened");
    throw new StartupError(problem);
  }
}
