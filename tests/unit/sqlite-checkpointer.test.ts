import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { MessageChannel } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import { CHECKPOINT_EVERY_MS, checkpointOnce, runCheckpoints } from "~/db/sqlite-checkpointer";

/** The checkpointer's turn (app/db/sqlite-checkpointer.ts) on a real WAL file, writer and checkpointer on two connections. */
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
    const write = (rows: number) =>
      writer.transaction(() => {
        for (let i = 0; i < rows; i++) insert.run(Buffer.alloc(4000, i % 251));
      })();
    return { writer, checkpointer: new Database(file), write };
  }

  it("copies the log into the database file without a lock, and a copied log starts again at the next commit", () => {
    const { writer, checkpointer, write } = open();
    write(1_500);
    const turn = checkpointOnce(checkpointer);
    expect(turn.pages).toBeGreaterThan(1_500);
    expect(turn.copied).toBe(turn.pages);
    write(1);
    // The log holds only the last commit's pages now, not 1,500 rows' worth.
    expect(checkpointOnce(checkpointer).pages).toBeLessThan(10);
    expect(writer.prepare("SELECT count(*) AS n FROM t").get()).toEqual({ n: 1_501 });
    writer.close();
    checkpointer.close();
  });

  it("asks the writer to catch up when the log is long, and not before", async () => {
    const { writer, checkpointer, write } = open();
    const channel = new MessageChannel();
    const asked: unknown[] = [];
    channel.port1.on("message", (word) => asked.push(word));
    const stop = runCheckpoints(checkpointer, channel.port2, 100);
    write(10);
    await new Promise((resolve) => setTimeout(resolve, 3 * CHECKPOINT_EVERY_MS));
    expect(asked).toEqual([]);
    write(200);
    await new Promise((resolve) => setTimeout(resolve, 3 * CHECKPOINT_EVERY_MS));
    expect(asked[0]).toBe("catch-up");
    stop();
    channel.port1.close();
    writer.close();
    checkpointer.close();
  });
});
