import { attestPresence } from "@/lib/attendance/mutations/door";
import { staffJsonRoute } from "@/lib/attendance/route";
import { AttestRequestSchema } from "@/lib/attendance/schema";

/** « Présence attestée par l'agent », for someone who cannot sign. */
export const POST = staffJsonRoute("POST /api/attendance/attest", AttestRequestSchema, (input, ctx) =>
  attestPresence(input, ctx),
);
