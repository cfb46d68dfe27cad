import { recordDeparture } from "@/lib/attendance/mutations/departure";
import { staffJsonRoute } from "@/lib/attendance/route";
import { DepartureRequestSchema } from "@/lib/attendance/schema";

/** The « départ » action, or a second scan in check-out mode. */
export const POST = staffJsonRoute("POST /api/attendance/departure", DepartureRequestSchema, (input, ctx) =>
  recordDeparture(ctx.user, input),
);
