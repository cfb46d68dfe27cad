/**
 * A real SMTP server for the end-to-end tests: accepts every message on 127.0.0.1:<port> and
 * writes each one as <dir>/<n>.eml, where the tests read and parse it.
 */
import fs from "node:fs";
import path from "node:path";
import { SMTPServer } from "smtp-server";

const [port = "4100", dir = "/tmp/emarge-e2e-mail"] = process.argv.slice(2);
fs.mkdirSync(dir, { recursive: true });
let n = 0;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  onData(stream, _session, callback) {
    const chunks: Buffer[] = [];
    stream.on("data", (c: Buffer) => chunks.push(c));
    stream.on("end", () => {
      n += 1;
      const file = path.join(dir, `${Date.now()}-${String(n).padStart(5, "0")}.eml`);
      fs.writeFileSync(`${file}.tmp`, Buffer.concat(chunks));
      fs.renameSync(`${file}.tmp`, file);
      callback();
    });
  },
});
server.listen(Number(port), "127.0.0.1");
process.on("SIGTERM", () => server.close(() => process.exit(0)));
