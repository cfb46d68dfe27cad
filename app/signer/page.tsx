import type { Metadata } from "next";
import { SignerForward } from "@/components/attendance/signer-forward";
import { RoomCodeSchema } from "@/lib/attendance/schema";

export const metadata: Metadata = {
  title: "Signer la feuille d'émargement",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

type Props = { searchParams: Promise<{ code?: string | string[] }> };

/**
 * What the room's QR code opens (decision 024): a phone that remembered its ticket goes on to the
 * person's page with the code; any other phone is told to open the link of their confirmation
 * e-mail and type the code there. No account, nothing learnt about the person here.
 */
export default async function SignerPage({ searchParams }: Props) {
  const { code } = await searchParams;
  const parsed = RoomCodeSchema.safeParse(typeof code === "string" ? code : "");
  return (
    <div className="prose">
      <h1>Signer la feuille d'émargement</h1>
      <SignerForward code={parsed.success ? parsed.data : ""} />
    </div>
  );
}
