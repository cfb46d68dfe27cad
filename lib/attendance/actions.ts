"use server";

import { clientIp } from "@/lib/auth/request";
import { guarded } from "@/lib/journee-admin/authorize";
import { refused } from "@/lib/result";
import { serverSecret } from "@/lib/security/secret";
import { signWithRoomCodeFor } from "./mutations/own-phone";
import { SignWithRoomCodeSchema } from "./schema";

/**
 * The signed émargement's server actions (issue 13). Each one authorises, validates with the shared
 * schema, calls a mutation and answers `{ ok: true, … } | { ok: false, reason }` (labels.ts).
 */

/** The person signs on their own phone with the room's code (management token = who they are). */
export async function signWithRoomCode(input: { token: string; code: string; png: string }) {
  const parsed = SignWithRoomCodeSchema.safeParse(input);
  if (!parsed.success) {
    const codeBad = parsed.error.issues.some((i) => i.path[0] === "code");
    return refused(
      codeBad
        ? "invalid_code"
        : parsed.error.issues.some((i) => i.path[0] === "png")
          ? "invalid_image"
          : "not_registered",
    );
  }
  return guarded("signWithRoomCode", async () =>
    signWithRoomCodeFor(parsed.data, { secret: serverSecret(), clientIp: await clientIp() }),
  );
}
