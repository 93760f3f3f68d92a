import pg from "pg";
import { afterAll, expect, it } from "vitest";
import { migrate } from "../../src/storage/migrate.js";
import { migrations } from "../../src/storage/migrations/index.js";
import { killStarted, runAttune, startAttune, waitUntil } from "../helpers/child-processes.js";
import { countRows, describeEachDatabase, listTables } from "../helpers/databases.js";

const versions = migrations.map((m) => m.version);
const latest = Math.max(...versions);
/** migrate.ts serialises migrations on this advisory lock key. */
const MIGRATION_LOCK_KEY = 715_392_001;

afterAll(killStarted);

describeEachDatabase(
  "migrations",
  (t) => {
    it("apply every migration to an empty database once; a second run applies nothing", async () => {
      expect(await migrate(t.db)).toEqual({ applied: versions, current: latest });
      expect(await migrate(t.db)).toEqual({ applied: [], current: latest });
      const recorded = await t.db.query<{ version: number; name: string }>("select version, name from schema_migrations order by version");
      expect(recorded.rows).toEqual(migrations.map((m) => ({ version: m.version, name: m.name })));
      expect(await listTables(t.db)).toEqual(
        expect.arrayContaining([
          "schema_migrations",
          "tenants",
          "people",
          "meetings",
          "meeting_participants",
          "transcripts",
          "analyses",
          "coaching_reports",
          "feedback",
          "jobs",
        ]),
      );
    });

    it("`attune db migrate` says what it applied, then that the schema is up to date", async () => {
      const target = await t.scratch();
      const first = await runAttune(["db", "migrate"], target.env());
      expect(first).toMatchObject({ code: 0, stderr: "" });
      expect(first.stdout).toBe(`applied migration ${versions.join(", ")}; schema is at version ${latest}\n`);
      const second = await runAttune(["db", "migrate"], target.env());
      expect(second).toMatchObject({ code: 0, stderr: "", stdout: `schema is up to date (version ${latest})\n` });
      const db = await target.open();
      try {
        expect(await countRows(db, "schema_migrations")).toBe(migrations.length);
      } finally {
        await db.close();
      }
    });
  },
  { migrate: false },
);

describeEachDatabase(
  "migrations from two processes at once",
  (t) => {
    it("both `attune db migrate` succeed; every version is recorded once", async () => {
      const target = await t.scratch();
      // Hold the migration lock so both processes are certainly inside migrate() at the same time, then let go.
      const holder = new pg.Client({ connectionString: target.url });
      await holder.connect();
      try {
        await holder.query("begin");
        await holder.query("select pg_advisory_xact_lock($1)", [MIGRATION_LOCK_KEY]);
        const names = ["attune_migrate_a", "attune_migrate_b"];
        const runs = names.map((name) =>
          startAttune(["db", "migrate"], target.env({ DATABASE_URL: `${target.url}&application_name=${name}` })),
        );
        await waitUntil(
          "both migrate processes wait on the migration lock",
          async () => {
            // Not on `holder`: inside its transaction pg_stat_activity would stay the snapshot of the first poll.
            const waiting = await t.db.query<{ n: number }>(
              `select count(*)::int as n from pg_locks l join pg_stat_activity a on a.pid = l.pid
               where l.locktype = 'advisory' and l.objid = $1 and not l.granted and a.application_name = any($2)`,
              [MIGRATION_LOCK_KEY, names],
            );
            if (runs.some((r) => r.child.exitCode !== null))
              throw new Error(`a migrate process ended early: ${JSON.stringify(runs.map((r) => r.output()))}`);
            return waiting.rows[0]!.n === 2;
          },
          60_000,
        ).catch(async (error: Error) => {
          const sessions = await t.db.query(
            "select pid, application_name, state, wait_event_type, wait_event, left(query, 80) as query from pg_stat_activity where datname = current_database()",
          );
          throw new Error(
            `${error.message}\nprocesses: ${JSON.stringify(runs.map((r) => r.output()))}\nsessions: ${JSON.stringify(sessions.rows)}`,
          );
        });
        await holder.query("commit");
        const results = await Promise.all(runs.map((r) => r.done));
        for (const r of results) expect(r).toMatchObject({ code: 0, stderr: "" });
        expect(results.map((r) => r.stdout).sort()).toEqual(
          [
            `applied migration ${versions.join(", ")}; schema is at version ${latest}\n`,
            `schema is up to date (version ${latest})\n`,
          ].sort(),
        );
        const recorded = await holder.query<{ version: number; n: number }>(
          "select version, count(*)::int as n from schema_migrations group by version order by version",
        );
        expect(recorded.rows).toEqual(versions.map((version) => ({ version, n: 1 })));
      } finally {
        await holder.query("rollback").catch(() => undefined);
        await holder.end();
      }
    });
  },
  { kinds: ["postgres"], migrate: false },
);
