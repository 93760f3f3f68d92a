import type { Queryable } from "./db.js";

/** True when the database answers a query (the readiness probe). */
export async function databaseAnswers(db: Queryable): Promise<boolean> {
  return (await db.query("select 1 as one")).rows.length === 1;
}
