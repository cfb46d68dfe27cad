/**
 * The mail worker thread (bundled by scripts/build-mail-worker.ts into the build folder): builds
 * registration e-mails (QR code PNG, .ics, MIME encoding) and sends them, so that this CPU work
 * runs on the machine's other core instead of delaying the next request (decision 013).
 * It touches no database: the main thread hands it everything the message needs.
 */
import { parentPort } from "node:worker_threads";
import { buildRegistrationMail } from "@/lib/registration/emails";
import { sendMail, usePooledSmtp } from "./transport";
import type { MailJob, MailJobResult } from "./worker-protocol";

usePooledSmtp();

async function run(job: MailJob): Promise<MailJobResult> {
  try {
    const sent = await sendMail(await buildRegistrationMail(job.kind, job.mail, job.dropped));
    return { id: job.id, ok: true, messageId: sent.messageId };
  } catch (error) {
    return { id: job.id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

// Answers are batched like the jobs: one wake-up of the main thread per 25 ms.
let answers: MailJobResult[] = [];
function answer(result: MailJobResult) {
  if (answers.push(result) === 1) {
    setTimeout(() => {
      parentPort?.postMessage(answers);
      answers = [];
    }, 25);
  }
}

parentPort?.on("message", (jobs: MailJob[]) => {
  for (const job of jobs) void run(job).then(answer);
});
