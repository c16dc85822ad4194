// A long list of ids is read in batches: one IN (…) of a province's thousands of
// branches is past the bound parameters a statement may carry (Prisma's SQLite
// driver stops well before SQLite itself; PostgreSQL at 65,535).

/** Ids per IN (…), leaving room for the query's other parameters. */
export const IDS_PER_QUERY = 500;

/** Runs `query` on each batch of ids in turn and joins the rows; callers sort them if order matters. */
export async function inIdBatches<T>(ids: number[], query: (batch: number[]) => Promise<T[]>): Promise<T[]> {
  const rows: T[] = [];
  for (let i = 0; i < ids.length; i += IDS_PER_QUERY) rows.push(...(await query(ids.slice(i, i + IDS_PER_QUERY))));
  return rows;
}
