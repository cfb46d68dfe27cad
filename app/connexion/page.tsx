import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { AlertOnArrival } from "@/components/site/alert-on-arrival";
import "@/components/organiser/organiser.css";
import { requestEmailLink, signInWithProConnect } from "@/lib/auth/actions";
import { getCurrentUser } from "@/lib/auth/current-user";
import { proConnectSettings } from "@/lib/auth/proconnect";
import { safeCallbackPath } from "@/lib/auth/request";
import { SIGN_IN_ERRORS, signInErrorCode } from "@/lib/auth/schema";

export const metadata: Metadata = { title: "Connexion", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | undefined>> };

export default async function ConnexionPage({ searchParams }: Props) {
  await connection();
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  const error = signInErrorCode(params);
  const emailError = error === "email";
  const proconnect = proConnectSettings() !== null;

  return (
    <>
      <h1>Connexion à l'espace organisateur</h1>
      <p className="lead">
        Réservé aux organisateurs, agents d'accueil et lecteurs invités par un administrateur. Pour vous inscrire à une
        journée, vous n'avez pas besoin de compte.
      </p>
      {error && !emailError ? (
        <AlertOnArrival>
          <p>{SIGN_IN_ERRORS[error]}</p>
        </AlertOnArrival>
      ) : null}
      <div className="signin-grid">
        {proconnect ? (
          <section className="panel" aria-labelledby="titre-proconnect">
            <h2 id="titre-proconnect">Agents publics</h2>
            <p>Connectez-vous avec votre compte professionnel ProConnect.</p>
            <form action={signInWithProConnect}>
              <input type="hidden" name="callbackUrl" value={callbackUrl} />
              <button type="submit" className="button button--proconnect">
                Se connecter avec ProConnect
              </button>
            </form>
          </section>
        ) : null}
        <section className="panel" aria-labelledby="titre-lien">
          <h2 id="titre-lien">Recevoir un lien par e-mail</h2>
          <form action={requestEmailLink} className="form-stack" noValidate>
            <input type="hidden" name="callbackUrl" value={callbackUrl} />
            <div className="field">
              <label htmlFor="email">Adresse e-mail professionnelle</label>
              <span className="field__hint" id="email-aide">
                Le lien est valable 15 minutes et ne sert qu'une fois.
              </span>
              {emailError ? (
                <span className="field__error" id="email-erreur">
                  {SIGN_IN_ERRORS.email}
                </span>
              ) : null}
              <input
                id="email"
                name="email"
                type="email"
                autoComplete="email"
                inputMode="email"
                required
                // biome-ignore lint/a11y/noAutofocus: only back from a refused request, to the field in error (its error is read with it)
                autoFocus={emailError || undefined}
                aria-invalid={emailError || undefined}
                aria-describedby={emailError ? "email-aide email-erreur" : "email-aide"}
              />
            </div>
            <div>
              <button type="submit" className="button">
                Recevoir un lien de connexion
              </button>
            </div>
          </form>
        </section>
      </div>
    </>
  );
}
