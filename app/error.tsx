"use client";

import Link from "next/link";

/** Unexpected errors: a generic French message and a reference, never the error's details. */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const digest =
    error && typeof error === "object" && "digest" in error && typeof error.digest === "string" ? error.digest : null;
  return (
    <div className="error-page">
      <h1>Une erreur inattendue s'est produite</h1>
      <p>Nous n'avons pas pu afficher cette page. Veuillez réessayer dans quelques instants.</p>
      {digest ? (
        <p>
          Si le problème persiste, communiquez cette référence aux organisateurs : <code>{digest}</code>
        </p>
      ) : null}
      <p>
        <button type="button" className="button" onClick={() => retry()}>
          Réessayer
        </button>{" "}
        <Link href="/" className="button button--secondary">
          Retour au programme
        </Link>
      </p>
    </div>
  );
}
