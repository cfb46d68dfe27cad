import { submitDoorSignature } from "@/lib/attendance/mutations/door";
import { staffJsonRoute } from "@/lib/attendance/route";
import { SignatureRequestSchema } from "@/lib/attendance/schema";

/** A signature drawn at the door after an ok scan (contract of issue 13). */
export const POST = staffJsonRoute("POST /api/attendance/signature", SignatureRequestSchema, (input, ctx) =>
  submitDoorSignature(input, ctx),
);
