import path from "node:path";
import { Worker } from "node:worker_threads";
import type { PGlite, QueryOptions, Results, Transaction } from "@electric-sql/pglite";
import { messages, types } from "@electric-sql/pglite";

type Answer = { id: number; result?: unknown; error?: Record<string, unknown> & { message: string } };
type RawResults = Results<unknown[]>;

/**
 * The embedded database running in a worker thread (lib/db/pglite-worker.mjs, decision 014),
 * seen from the main thread as the part of PGlite's API the Prisma adapter and the backups use:
 * query, exec, transaction (query/exec/rollback inside), dumpDataDir, close.
 */
export class PGliteThread {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private failure: Error | null = null;

  private constructor(private readonly worker: Worker) {
    worker.on("message", (answer: Answer) => this.settle(answer));
    worker.on("error", (error) => this.fail(error));
    worker.on("exit", (code) => this.fail(new Error(`La base embarquée s'est arrêtée (code ${code}).`)));
    worker.unref(); // held only while a request is pending: scripts exit when they are done
  }

  static open(dataDir: string): Promise<PGliteThread> {
    // Resolved at run time from the project folder: not something the bundler should trace.
    const file = path.join(/*turbopackIgnore: true*/ process.cwd(), "lib", "db", "pglite-worker.mjs");
    const worker = new Worker(/*turbopackIgnore: true*/ file, { workerData: { dataDir } });
    return new Promise((resolve, reject) => {
      const failed = (error: Error) => reject(error);
      worker.once("error", failed);
      worker.once("message", () => {
        worker.off("error", failed);
        resolve(new PGliteThread(worker));
      });
    });
  }

  private settle(answer: Answer) {
    const waiting = this.pending.get(answer.id);
    if (!waiting) return;
    this.pending.delete(answer.id);
    if (this.pending.size === 0) this.worker.unref();
    if (answer.error) waiting.reject(rebuildError(answer.error));
    else waiting.resolve(answer.result);
  }

  private fail(error: Error) {
    this.failure ??= error;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }

  private call<T>(message: Record<string, unknown>): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    if (this.pending.size === 0) this.worker.ref();
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ ...message, id });
    });
  }

  async query<T>(sql: string, params?: unknown[], options?: QueryOptions, txId?: number): Promise<Results<T>> {
    const result = await this.call<RawResults>({ op: "query", sql, params: params ?? [], txId });
    return parseResults<T>(result, options);
  }

  async exec(sql: string, options?: QueryOptions, txId?: number): Promise<Results[]> {
    const results = await this.call<RawResults[]>({ op: "exec", sql, txId });
    return results.map((r) => parseResults(r, options));
  }

  async transaction<T>(callback: (tx: Transaction) => Promise<T>): Promise<T> {
    const txId = this.nextId++;
    await this.call({ op: "begin", txId });
    let closed = false;
    const tx = {
      query: (sql: string, params?: unknown[], options?: QueryOptions) => this.query(sql, params, options, txId),
      exec: (sql: string, options?: QueryOptions) => this.exec(sql, options, txId),
      rollback: async () => {
        await this.call({ op: "rollback", txId });
        closed = true;
      },
      get closed() {
        return closed;
      },
    } as unknown as Transaction;
    let result: T;
    try {
      result = await callback(tx);
    } catch (error) {
      await this.call({ op: "end", txId, commit: false });
      throw error;
    }
    await this.call({ op: "end", txId, commit: !closed });
    return result;
  }

  async dumpDataDir(compression: "gzip" | "none" | "auto" = "auto"): Promise<Blob> {
    const bytes = await this.call<Uint8Array>({ op: "dump", compression });
    return new Blob([bytes as Uint8Array<ArrayBuffer>]);
  }

  async close(): Promise<void> {
    if (!this.failure) await this.call({ op: "close" }).catch(() => {});
    this.failure ??= new Error("La base embarquée est fermée.");
    await this.worker.terminate();
  }

  /** What the Prisma adapter and the backups are typed against. */
  asPGlite(): PGlite {
    return this as unknown as PGlite;
  }
}

/** Applies the caller's parsers to the text values, as PGlite does in-process. */
function parseResults<T>(result: RawResults, options?: QueryOptions): Results<T> {
  const { fields } = result;
  const parsed = result.rows.map((row) =>
    (row as (string | null)[]).map((value, i) => types.parseType(value, fields[i].dataTypeID, options?.parsers)),
  );
  const rows =
    options?.rowMode === "array"
      ? parsed
      : parsed.map((row) => Object.fromEntries(row.map((value, i) => [fields[i].name, value])));
  return { ...result, rows: rows as T[] };
}

/** Database errors come back as PGlite's own class: the adapter maps them to Prisma's codes. */
function rebuildError(plain: Record<string, unknown> & { message: string }): Error {
  const { isDatabaseError, message, name, length, ...fields } = plain;
  const error = isDatabaseError
    ? new messages.DatabaseError(message, Number(length ?? 0), "error")
    : Object.assign(new Error(message), name ? { name } : {});
  return Object.assign(error, fields);
}
