/**
 * A tiny promise wrapper over IndexedDB (browser only). One database for the offline scanner:
 * - snapshots: one record per journée ({ journeeId, endsAt, refreshedAt, data });
 * - queue: scans and walk-ins waiting for the network, in order (auto-increment `seq`);
 * - marks: check-ins made on this device, so a second local scan answers already_checked_in;
 * - reports: what the server answered for each synced item.
 */
export const DB_NAME = "emarge-offline";
export type StoreName = "snapshots" | "queue" | "marks" | "reports";

let opening: Promise<IDBDatabase> | null = null;

const done = <T>(request: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

export function openDb(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => {
      const db = request.result;
      db.createObjectStore("snapshots", { keyPath: "journeeId" });
      db.createObjectStore("queue", { keyPath: "seq", autoIncrement: true });
      db.createObjectStore("marks", { keyPath: "key" });
      db.createObjectStore("reports", { keyPath: "nonce" });
    };
    request.onsuccess = () => {
      const db = request.result;
      // Another tab deleting the database (sign-out) must not be blocked by this one.
      db.onversionchange = () => {
        db.close();
        opening = null;
      };
      resolve(db);
    };
    request.onerror = () => {
      opening = null;
      reject(request.error);
    };
  });
  return opening;
}

/** Runs one request in its own transaction and resolves once the transaction is committed. */
export async function run<T>(
  store: StoreName,
  mode: IDBTransactionMode,
  fn: (s: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  const db = await openDb();
  const tx = db.transaction(store, mode);
  const result = done(fn(tx.objectStore(store)));
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
  return result;
}

export const getAll = <T>(store: StoreName) => run<T[]>(store, "readonly", (s) => s.getAll() as IDBRequest<T[]>);
export const put = (store: StoreName, value: unknown) => run(store, "readwrite", (s) => s.put(value));
export const remove = (store: StoreName, key: IDBValidKey) => run(store, "readwrite", (s) => s.delete(key));
export const get = <T>(store: StoreName, key: IDBValidKey) =>
  run<T | undefined>(store, "readonly", (s) => s.get(key) as IDBRequest<T | undefined>);

/** Empties some stores (sign-out with scans still waiting: the queue and marks stay). */
export async function clearStores(stores: StoreName[]): Promise<void> {
  for (const store of stores) await run(store, "readwrite", (s) => s.clear());
}

/** Sign-out: everything this device kept goes (snapshots, queue, marks, reports). */
export async function deleteDatabase(): Promise<void> {
  if (opening) (await opening.catch(() => null))?.close();
  opening = null;
  await new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(DB_NAME);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}
