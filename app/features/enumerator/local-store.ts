import type { EnumeratorPackage } from "~/domain/interviews/interview-schema";
import { deleteDatabase, openDatabase, requestToPromise, transact } from "./idb";
import { toSent, type LocalInterview, type SentInterview } from "./local-interview";
import type { Refusal } from "./sync";

/**
 * The enumerator's data on the phone: one IndexedDB database per account, so on a shared
 * phone one enumerator never sees another's people or interviews, and signing out deletes
 * exactly one database.
 */
const VERSION = 1;
const PACKAGE = "package";
const INTERVIEWS = "interviews";
const SENT = "sent";

/** The refusal message of an interview edited while its upload was on the way (shown localized). */
export const EDITED_DURING_SEND = "edited-during-send";

export interface StoredPackage {
  package: EnumeratorPackage;
  downloadedAt: string;
  /** navigator.storage.persist()'s answer; null when the browser has no such API. */
  persisted: boolean | null;
}

export function databaseName(userId: string) {
  return `hailong-enumerator-${userId}`;
}

export class LocalStore {
  private constructor(
    private readonly db: IDBDatabase,
    readonly name: string,
  ) {}

  static async open(userId: string): Promise<LocalStore> {
    const name = databaseName(userId);
    const db = await openDatabase(name, VERSION, (upgrade) => {
      if (!upgrade.objectStoreNames.contains(PACKAGE)) upgrade.createObjectStore(PACKAGE);
      if (!upgrade.objectStoreNames.contains(INTERVIEWS)) upgrade.createObjectStore(INTERVIEWS, { keyPath: "id" });
      if (!upgrade.objectStoreNames.contains(SENT)) upgrade.createObjectStore(SENT, { keyPath: "id" });
    });
    return new LocalStore(db, name);
  }

  getPackage(): Promise<StoredPackage | undefined> {
    return transact(this.db, [PACKAGE], "readonly", (tx) => requestToPromise(tx.objectStore(PACKAGE).get("current")));
  }

  async savePackage(stored: StoredPackage): Promise<void> {
    await transact(this.db, [PACKAGE], "readwrite", (tx) =>
      requestToPromise(tx.objectStore(PACKAGE).put(stored, "current")),
    );
  }

  listInterviews(): Promise<LocalInterview[]> {
    return transact(this.db, [INTERVIEWS], "readonly", (tx) => requestToPromise(tx.objectStore(INTERVIEWS).getAll()));
  }

  listSent(): Promise<SentInterview[]> {
    return transact(this.db, [SENT], "readonly", (tx) => requestToPromise(tx.objectStore(SENT).getAll()));
  }

  async saveInterview(interview: LocalInterview): Promise<void> {
    await transact(this.db, [INTERVIEWS], "readwrite", (tx) =>
      requestToPromise(tx.objectStore(INTERVIEWS).put(interview)),
    );
  }

  /**
   * Throw away an unfinished interview (the respondent left, or it was started by mistake).
   * Only a draft: re-read in the same transaction, so a finished interview waiting to be
   * sent is never deleted by a stale screen. Answers whether it was deleted.
   */
  async discardDraft(id: string): Promise<boolean> {
    return transact(this.db, [INTERVIEWS], "readwrite", async (tx) => {
      const store = tx.objectStore(INTERVIEWS);
      const current = (await requestToPromise(store.get(id))) as LocalInterview | undefined;
      if (current?.state !== "draft") return false;
      await requestToPromise(store.delete(id));
      return true;
    });
  }

  /**
   * Confirmed by the server: out of the outbox and into the sent log, in one transaction.
   * One edited while its upload was on the way stays, marked: the server holds the version
   * sent, and the edit would be a conflict (ADR 008), so it is shown, not dropped.
   */
  async confirm(interviews: LocalInterview[], sentAt: string): Promise<void> {
    if (interviews.length === 0) return;
    await transact(this.db, [INTERVIEWS, SENT], "readwrite", async (tx) => {
      const store = tx.objectStore(INTERVIEWS);
      for (const interview of interviews) {
        const current = (await requestToPromise(store.get(interview.id))) as LocalInterview | undefined;
        tx.objectStore(SENT).put(toSent(interview, sentAt));
        if (!current || current.updatedAt === interview.updatedAt) store.delete(interview.id);
        else store.put({ ...current, lastRefusal: { status: "conflict", message: EDITED_DURING_SEND } });
      }
    });
  }

  /** Refused by the server: kept, with the reason (re-read first, so an edit made meanwhile is not lost). */
  async refuse(refusals: Refusal[]): Promise<void> {
    if (refusals.length === 0) return;
    await transact(this.db, [INTERVIEWS], "readwrite", async (tx) => {
      const store = tx.objectStore(INTERVIEWS);
      for (const { interview, status, message } of refusals) {
        const current = (await requestToPromise(store.get(interview.id))) as LocalInterview | undefined;
        // An edit made while this was on the way is a new version: it gets its own try.
        if (current && current.updatedAt === interview.updatedAt)
          store.put({ ...current, lastRefusal: { status, message } });
      }
    });
  }

  close() {
    this.db.close();
  }

  /** Sign-out: this account's database, gone. */
  async destroy(): Promise<void> {
    this.db.close();
    await deleteDatabase(this.name);
  }
}
