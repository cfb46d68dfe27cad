import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Vérifiez votre messagerie", robots: { index: false } };

/** The same answer whether or not the address is invited (no enumeration). */
export default function VerificationPage() {
  return (
    <>
      <h1>Vérifiez votre messagerie</h1>
      <p className="lead" role="status">
        Si cette adresse correspond à un compte invité, un lien de connexion vient d'y être envoyé. Il est valable 15
        minutes et ne sert qu'une fois.
      </p>
      <p>
        Rien reçu après quelques minutes ? Vérifiez les courriers indésirables, puis{" "}
        <Link href="/connexion">demandez un nouveau lien</Link>. Si vous n'avez pas été invité, contactez l'équipe
        organisatrice.
      </p>
    </>
  );
}
