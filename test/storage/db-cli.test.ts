import { afterAll, describe, expect, it } from "vitest";
import { killStarted, runAttune, type Finished } from "../helpers/child-processes.js";
import { countRows, describeEachDatabase, postgresUrl, withSearchPath } from "../helpers/databases.js";
import { itIf, NO_DATABASE_URL } from "../helpers/skip-reason.js";

afterAll(killStarted);

/** Exit 2 and exactly one line on stderr, matching `problem`, with no stack trace. */
function expectOneLineFailure(result: Finished, problem: RegExp): void {
  expect(result.stdout).toBe("");
  expect(result.stderr).toMatch(/^attune db: [^\n]+\n$/);
  expect(result.stderr).toMatch(problem);
  expect(result.stderr).not.toMatch(/\n\s+at |Error:/);
  expect(result.code).toBe(2);
}

const env = (databaseUrl: string): NodeJS.ProcessEnv => {
  const e: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "warn" };
  delete e.DATABASE_SSL_CA;
  return e;
};

describe("attune db migrate with a bad DATABASE_URL", () => {
  it("a server that is not there: exit 2, one line naming the host and the refusal", async () => {
    const result = await runAttune(["db", "migrate"], env("postgres://nobody@127.0.0.1:1/x"));
    expectOneLineFailure(result, /cannot connect to PostgreSQL at 127\.0\.0\.1:1\/x: connection refused/);
  });

  it("not a URL at all: exit 2, one line saying what DATABASE_URL must be", async () => {
    expectOneLineFailure(await runAttune(["db", "migrate"], env("not a url")), /DATABASE_URL: must be a postgres:\/\/ URL/);
    expectOneLineFailure(
      await runAttune(["db", "migrate"], env("postgres://nobody@127.0.0.1:port/x")),
      /DATABASE_URL is not a PostgreSQL URL/,
    );
  });

  itIf(Boolean(postgresUrl), NO_DATABASE_URL)("a database that does not exist on a running server: exit 2, one line", async () => {
    const url = new URL(postgresUrl!);
    url.pathname = "/attune_no_such_database";
    url.search = "";
    expectOneLineFailure(
      await runAttune(["db", "migrate"], env(url.toString())),
      /cannot connect to PostgreSQL at .*: the database does not exist/,
    );
  });
});

describeEachDatabase(
  "one process per PGlite data folder",
  (t) => {
    it("a second process opening a folder in use gets the clear 'in use' error, and the folder stays usable", async () => {
      const result = await runAttune(["db", "migrate"], t.env());
      expectOneLineFailure(
        result,
        new RegExp(`the data folder .* is in use by process ${process.pid}; stop it, use another ATTUNE_DATA_DIR, or set DATABASE_URL`),
      );
      expect((await t.db.query<{ one: number }>("select 1 as one")).rows).toEqual([{ one: 1 }]);
      // Once this process lets go, another may open it.
      const after = await t.whileClosed(() => runAttune(["db", "migrate"], t.env()));
      expect(after).toMatchObject({ code: 0, stderr: "" });
      expect(after.stdout).toMatch(/^schema is up to date/);
    });
  },
  { kinds: ["pglite"] },
);

describe("test databases on PostgreSQL: one schema per test file", () => {
  it("withSearchPath adds the schema to the URL's options, with ? or &", () => {
    expect(withSearchPath("postgres://u@h:5432/db", "s1")).toBe("postgres://u@h:5432/db?options=-c%20search_path%3Ds1");
    expect(withSearchPath("postgres://u@h/db?sslmode=disable", "s1")).toBe(
      "postgres://u@h/db?sslmode=disable&options=-c%20search_path%3Ds1",
    );
    expect(withSearchPath("postgres://u@h/db?options=-c%20statement_timeout%3D5000", "s1")).toBe(
      "postgres://u@h/db?options=-c%20statement_timeout%3D5000%20-c%20search_path%3Ds1",
    );
    expect(() => withSearchPath("postgres://u@h/db", "x; drop table y")).toThrow(/schema name/);
  });
});

describeEachDatabase(
  "test schema",
  (t) => {
    it("every connection works in the file's own schema, and the tables are created there", async () => {
      const rows = await Promise.all([1, 2, 3, 4].map(() => t.db.query<{ schema: string }>("select current_schema() as schema")));
      expect(rows.map((r) => r.rows[0]!.schema)).toEqual([t.schema, t.schema, t.schema, t.schema]);
      expect(await countRows(t.db, "pg_tables", "schemaname = $1 and tablename = 'jobs'", [t.schema])).toBe(1);
    });
  },
  { kinds: ["postgres"] },
);
