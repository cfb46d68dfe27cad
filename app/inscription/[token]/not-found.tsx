import Link from "next/link";
import { REFUSAL_MESSAGES } from "@/lib/registration/labels";

export default function UnknownLink() {
  return (
    <div className="error-page">
      <h1>Lien non valide</h1>
      <p className="notice">{REFUSAL_MESSAGES.unknown_link}</p>
      <p>
        Si vous avez perdu le lien, inscrivez-vous à nouveau avec la même adresse e-mail : vous pourrez demander que
        votre confirmation vous soit renvoyée.
      </p>
      <p>
        <Link href="/">Voir le programme des journées</Link>
      </p>
    </div>
  );
}
