// The embedded database on its own thread (decision 014). The server's main thread keeps the
// HTTP work; PostgreSQL-in-WebAssembly runs here, on the machine's other core. The main thread
// talks to it through lib/db/pglite-thread.ts. Plain JavaScript: worker threads load files as
// they are, in tests and scripts as in `next start`.
import { parentPort, workerData } from "node:worker_threads";
import { messages, PGlite, parse, protocol, types } from "@electric-sql/pglite";

// Values travel back as PostgreSQL's text: the main thread parses them with the caller's parsers
// (functions cannot be sent between threads), exactly as PGlite would have.
// PGlite merges the given parsers over its defaults: every type it would parse is listed here.
const asText = Object.fromEntries(Object.keys(types.parsers).map((oid) => [oid, (value) => value]));
const raw = { rowMode: "array", parsers: asText };

const db = await PGlite.create(workerData.dataDir);
/** Open interactive transactions: id → the transaction and how to finish it. */
const transactions = new Map();

function plainError(error) {
  const out = { message: String(error?.message ?? error), isDatabaseError: error instanceof messages.DatabaseError };
  for (const [key, value] of Object.entries(error ?? {})) {
    if (["string", "number", "boolean"].includes(typeof value)) out[key] = value;
  }
  return out;
}

function target(txId) {
  if (txId === undefined) return db;
  const open = transactions.get(txId);
  if (!open) throw new Error("Transaction is closed");
  return open.tx;
}

function begin(txId) {
  return new Promise((began, failed) => {
    const holder = {};
    holder.done = db.transaction(
      (tx) =>
        new Promise((resolve, reject) => {
          transactions.set(txId, { tx, resolve, reject, holder });
          began(null);
        }),
    );
    holder.done.catch((error) => {
      transactions.delete(txId);
      failed(error);
    });
  });
}

async function end(txId, commit) {
  const open = transactions.get(txId);
  if (!open) return null;
  transactions.delete(txId);
  if (commit) open.resolve(null);
  else open.reject(new Error("rollback"));
  try {
    await open.holder.done;
  } catch (error) {
    if (commit) throw error;
  }
  return null;
}

/**
 * Prepared statements, as PostgreSQL servers get them (lib/db/adapter.ts): each SQL text is
 * parsed and described once, then only bound and executed — the same protocol steps as PGlite's
 * own query(), minus the first two, and PostgreSQL may reuse the plan. Past PREPARED_LIMIT
 * distinct texts, queries go through PGlite's query() unchanged.
 */
const PREPARED_LIMIT = 500;
const prepared = new Map();
const { serialize } = protocol;
const step = (message) => db.execProtocolStream(message, { syncToFs: false });

async function prepare(sql) {
  const name = `emarge_${prepared.size}`;
  const described = [];
  try {
    await step(serialize.parse({ name, text: sql }));
    described.push(...(await step(serialize.describe({ type: "S", name }))));
  } finally {
    await step(serialize.sync());
  }
  const types = described.find((m) => m.name === "parameterDescription")?.dataTypeIDs ?? [];
  const statement = { name, types };
  prepared.set(sql, statement);
  return statement;
}

async function runPrepared(sql, params) {
  const statement = prepared.get(sql) ?? (await prepare(sql));
  const values = params.map((value, i) => {
    if (value === null || value === undefined) return null;
    const serializer = db.serializers[statement.types[i]];
    return serializer ? serializer(value) : value.toString();
  });
  const answers = [];
  try {
    answers.push(...(await step(serialize.bind({ statement: statement.name, values }))));
    answers.push(...(await step(serialize.describe({ type: "P" }))));
    answers.push(...(await step(serialize.execute({}))));
  } finally {
    answers.push(...(await step(serialize.sync())));
  }
  return parse.parseResults(answers, db.parsers, raw)[0];
}

/** A query, prepared when possible, under the same locks as PGlite's query() / tx.query(). */
function query(m) {
  if (!prepared.has(m.sql) && prepared.size >= PREPARED_LIMIT) return target(m.txId).query(m.sql, m.params, raw);
  const run = () => db._runExclusiveQuery(() => runPrepared(m.sql, m.params));
  if (m.txId !== undefined) {
    target(m.txId); // still open?
    return run();
  }
  return db._runExclusiveTransaction(async () => {
    const result = await run();
    await db.syncToFs();
    return result;
  });
}

const operations = {
  query,
  exec: (m) => target(m.txId).exec(m.sql, raw),
  begin: (m) => begin(m.txId),
  rollback: async (m) => {
    await target(m.txId).rollback();
    return null;
  },
  end: (m) => end(m.txId, m.commit),
  dump: async (m) => {
    const blob = await db.dumpDataDir(m.compression);
    return new Uint8Array(await blob.arrayBuffer());
  },
  close: async () => {
    await db.close();
    return null;
  },
};

// Operations start in arrival order (PGlite queues them on its own lock in that order).
parentPort.on("message", (m) => {
  let running;
  try {
    running = Promise.resolve(operations[m.op](m));
  } catch (error) {
    running = Promise.reject(error);
  }
  running.then(
    (result) => {
      const transfer = result instanceof Uint8Array ? [result.buffer] : [];
      parentPort.postMessage({ id: m.id, result }, transfer);
    },
    (error) => parentPort.postMessage({ id: m.id, error: plainError(error) }),
  );
});
parentPort.postMessage({ ready: true });
