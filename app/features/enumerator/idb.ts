/**
 * A tiny promise wrapper over IndexedDB: only what the enumerator's app needs (open with an
 * upgrade step, one transaction over several stores). IndexedDB is the browser storage
 * that survives a reload, the phone switching off and, once `navigator.storage.persist()`
 * is granted, storage pressure (https://web.dev/articles/persistent-storage).
 */

export function requestToPromise<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

export function openDatabase(name: string, version: number, upgrade: (db: IDBDatabase) => void): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, version);
    request.onupgradeneeded = () => upgrade(request.result);
    request.onsuccess = () => {
      const db = request.result;
      // Another tab deleting this database (sign-out) must not wait for us.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error("IndexedDB blocked by another tab"));
  });
}

/**
 * Run `body` in one transaction and resolve when the transaction has committed (not when
 * the last request succeeded: only a committed transaction is on disk).
 */
export function transact<T>(
  db: IDBDatabase,
  stores: string[],
  mode: IDBTransactionMode,
  body: (tx: IDBTransaction) => Promise<T> | T,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(stores, mode, { durability: "strict" });
    let result: T;
    tx.oncomplete = () => resolve(result);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error("transaction aborted"));
    Promise.resolve(body(tx)).then(
      (value) => {
        result = value;
      },
      (error) => {
        tx.abort();
        reject(error);
      },
    );
  });
}

export function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
    // Blocked means another tab still has it open; it closes on versionchange (above).
    request.onblocked = () => undefined;
  });
}
