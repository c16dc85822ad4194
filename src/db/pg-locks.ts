// PostgreSQL's advisory locks belong to a whole database, not to a schema: two
// deployments in two schemas of one database (or the test suite's parallel
// files) would otherwise wait on, or skip their planning for, each other. Every
// key is therefore taken within the current schema.

/** SQL for the key of the named lock in the current schema; `name` is a constant of the code, never input. */
export function pgLockKey(name: "planning" | "branch-month" | "migrations"): string {
  return `hashtext(current_schema() || ':${name}')`;
}
