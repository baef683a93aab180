import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkpointOnce } from "~/utils/sqlite-checkpointer";

/** The checkpointer's turn (app/utils/sqlite-checkpointer.ts) on a real WAL file, writer and checkpointer on two connections. */
describe("WAL checkpoints off the writer's path", () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function open() {
    dir = mkdtempSync(path.join(os.tmpdir(), "hailong-checkpoint-"));
    const file = path.join(dir, "db.sqlite");
    const writer = new Database(file);
    writer.pragma("journal_mode = WAL");
    writer.pragma("wal_autocheckpoint = 0");
    writer.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, data BLOB)");
    const insert = writer.prepare("INSERT INTO t (data) VALUES (?)");
    const write = (rows: number) => writer.transaction(() => { for (let i = 0; i < rows; i++) insert.run(Buffer.alloc(4000, i % 251)); })();
    return { writer, checkpointer: new Database(file), write };
  }

  it("copies a small log without restarting it", () => {
    const { writer, checkpointer, write } = open();
    write(10);
    const turn = checkpointOnce(checkpointer, 1_000);
    expect(turn.restarted).toBe(false);
    expect(turn.pages).toBeGreaterThan(10);
    expect(turn.pages).toBeLessThan(1_000);
    writer.close();
    checkpointer.close();
  });

  it("restarts a log past the threshold, so the next commit writes from its start", () => {
    const { writer, checkpointer, write } = open();
    write(1_500);
    const turn = checkpointOnce(checkpointer, 1_000);
    expect(turn.pages).toBeGreaterThan(1_500);
    expect(turn.restarted).toBe(true);
    write(1);
    // The log holds only the last commit's pages now, not 1,500 rows' worth.
    expect(checkpointOnce(checkpointer, 1_000).pages).toBeLessThan(10);
    expect(writer.prepare("SELECT count(*) AS n FROM t").get()).toEqual({ n: 1_501 });
    writer.close();
    checkpointer.close();
  });
});
