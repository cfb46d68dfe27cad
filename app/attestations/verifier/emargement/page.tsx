import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { verifySheet } from "@/lib/attendance/queries/proof";
import { formatLongDate, formatShortDateTime } from "@/lib/format/dates";
import { plural } from "@/lib/format/plural";

export const metadata: Metadata = { title: "Vérifier une feuille d'émargement signée", robots: { index: false } };

type Search = Promise<{ code?: string | string[]; empreinte?: string | string[] }>;
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v.slice(0, 40) : "");

/**
 * Public: the code and fingerprint printed in a signed sheet's footer. Says whether the sheet is
 * known and still matches the stored records (chain intact, same countersignature); nothing personal.
 */
export default async function SheetVerifierPage({ searchParams }: { searchParams: Search }) {
  await connection();
  const sp = await searchParams;
  const code = one(sp.code).trim();
  const fingerprint = one(sp.empreinte).trim();
  const result = code && fingerprint ? await verifySheet(code, fingerprint) : null;
  return (
    <>
      <h1>Vérifier une feuille d'émargement signée</h1>
      <p>
        Saisissez le code de vérification et l'empreinte imprimés en bas de chaque page de la feuille (par exemple «
        EM-7K3QZM9X2P » et « 3F9A-1C2B-0D4E-77A1 »).
      </p>
      <form method="get" className="form-stack">
        <div className="field">
          <label htmlFor="code">Code de vérification</label>
          <input
            id="code"
            name="code"
            defaultValue={code}
            autoComplete="off"
            spellCheck={false}
            maxLength={40}
            required
          />
        </div>
        <div className="field">
          <label htmlFor="empreinte">Empreinte</label>
          <input
            id="empreinte"
            name="empreinte"
            defaultValue={fingerprint}
            autoComplete="off"
            spellCheck={false}
            maxLength={40}
            required
          />
        </div>
        <button type="submit" className="button">
          Vérifier
        </button>
      </form>
      {result && !result.found && (
        <p role="status" className="notice notice--warning" data-testid="sheet-verification">
          Aucune feuille d'émargement ne correspond au code « {code} ». Vérifiez la saisie.
        </p>
      )}
      {result?.found && (
        <section aria-labelledby="resultat" data-testid="sheet-verification">
          <h2 id="resultat">{result.matches ? "Feuille conforme" : "Feuille non conforme"}</h2>
          <p role="status" className={result.matches ? "notice" : "notice notice--warning"}>
            {result.matches
              ? "La feuille est conforme : elle correspond exactement aux enregistrements conservés par Émarge (signatures, chaîne d'intégrité et contre-signature inchangées depuis la clôture)."
              : "La feuille ne correspond pas aux enregistrements conservés : l'empreinte saisie n'est pas celle de cette feuille, ou les enregistrements ont été modifiés ou supprimés depuis la clôture."}
          </p>
          <dl className="facts">
            <dt>Journée</dt>
            <dd>{result.journeeTitle}</dd>
            <dt>Demi-journée</dt>
            <dd>{result.partTitle}</dd>
            <dt>Clôturée le</dt>
            <dd>
              {result.closedAt
                ? `${formatLongDate(result.closedAt)} (${formatShortDateTime(result.closedAt)})`
                : "non clôturée"}
            </dd>
            <dt>Enregistrements</dt>
            <dd>{plural(result.count, "signature ou attestation", "signatures ou attestations")}</dd>
          </dl>
        </section>
      )}
      <p>
        <Link href="/attestations/verifier">Vérifier une attestation de présence</Link>
      </p>
    </>
  );
}
