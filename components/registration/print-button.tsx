"use client";

import Link from "next/link";
import styles from "./registration.module.css";

/** Print (or save as PDF); without JavaScript the browser's own Print menu does the same. */
export function PrintButton({ backHref }: { backHref: string }) {
  return (
    <p className={`${styles.actions} ${styles.noPrint}`}>
      <button type="button" className="button" onClick={() => window.print()}>
        Imprimer ou enregistrer en PDF
      </button>
      <Link href={backHref}>Retour à votre inscription</Link>
    </p>
  );
}
