import type { InterviewToStore } from "~/domain/interviews/interview-to-store";
import { startSqliteWriterThread } from "~/db/sqlite-writer-thread";
import { markInstrumentsFrozen, storeInterviewsSqlite } from "./interview-store-sqlite";

/**
 * The SQLite writer thread's entry (docs/decisions/017-fast-submission-path.md): the
 * database layer's generic loop (app/db/sqlite-writer-thread.ts) with the one job the app
 * gives it, the sync API's interview store. vite.config.ts builds this file as
 * `build/server/sqlite-writer.js`; from source, app/models/sqlite-writer.server.ts names it.
 */
startSqliteWriterThread({
  interviews: {
    run: (db, payload) => storeInterviewsSqlite(db, payload as InterviewToStore[]),
    afterCommit: (_db, payload, stored) => markInstrumentsFrozen(payload as InterviewToStore[], stored as boolean[]),
  },
});
