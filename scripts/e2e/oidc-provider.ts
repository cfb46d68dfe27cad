/**
 * A real OIDC provider for the end-to-end tests, configured like ProConnect: scopes given_name,
 * usual_name, email, uid, siret, idp_id; acr "eidas1"; PKCE required; userinfo as a signed JWT;
 * RP-initiated logout (end_session_endpoint). Usage: tsx scripts/e2e/oidc-provider.ts <port> <appUrl>
 * Faults on purpose (see e2e/fixtures/oidc-provider.ts): tokens re-signed with a foreign key.
 */
import http from "node:http";
import { decodeJwt, decodeProtectedHeader, exportJWK, generateKeyPair, SignJWT } from "jose";
import Provider, { type KoaContextWithOIDC } from "oidc-provider";
import {
  BAD_ID_TOKEN_PREFIX,
  BAD_USERINFO_PREFIX,
  OIDC_CLIENT_ID,
  OIDC_CLIENT_SECRET,
} from "../../e2e/fixtures/oidc-provider";

const [port = "5100", appUrl = "http://127.0.0.1:3100"] = process.argv.slice(2);
const issuer = `http://127.0.0.1:${port}`;
// Next serves 127.0.0.1 as "localhost" to next-auth: register both spellings of the app's origin.
const origins = [appUrl, appUrl.replace("//127.0.0.1", "//localhost")];
const SCOPES = ["openid", "given_name", "usual_name", "email", "uid", "siret", "idp_id"];

const toSub = (email: string) => Buffer.from(email.toLowerCase()).toString("base64url");
const fromSub = (sub: string) => Buffer.from(sub, "base64url").toString();
const page = (title: string, body: string) =>
  `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${title}</title></head><body><main><h1>${title}</h1>${body}</main></body></html>`;

async function main() {
  const signing = await generateKeyPair("RS256", { extractable: true });
  const rogue = await generateKeyPair("RS256", { extractable: true });
  const jwk = { ...(await exportJWK(signing.privateKey)), kid: "e2e-key-1", alg: "RS256", use: "sig" };

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: OIDC_CLIENT_ID,
        client_secret: OIDC_CLIENT_SECRET,
        redirect_uris: origins.map((o) => `${o}/api/auth/callback/proconnect`),
        post_logout_redirect_uris: origins.map((o) => `${o}/deconnexion/terminee`),
        response_types: ["code"],
        grant_types: ["authorization_code"],
        id_token_signed_response_alg: "RS256",
        userinfo_signed_response_alg: "RS256",
      },
    ],
    jwks: { keys: [jwk] },
    scopes: SCOPES,
    claims: {
      openid: ["sub"],
      email: ["email"],
      given_name: ["given_name"],
      usual_name: ["usual_name"],
      uid: ["uid"],
      siret: ["siret"],
      idp_id: ["idp_id"],
      acr: null,
      auth_time: null,
    },
    acrValues: ["eidas1"],
    pkce: { required: () => true },
    cookies: { keys: ["e2e-oidc-cookie-key-0123456789abcdef"] },
    features: {
      devInteractions: { enabled: false },
      jwtUserinfo: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        async logoutSource(ctx: KoaContextWithOIDC, form: string) {
          ctx.body = page(
            "Déconnexion de ProConnect (test)",
            `${form}<button type="submit" form="op.logoutForm" value="yes" name="logout">Se déconnecter</button>`,
          );
        },
      },
    },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx: unknown, sub: string) {
      const email = fromSub(sub);
      return {
        accountId: sub,
        async claims() {
          return {
            sub,
            email,
            given_name: "Camille",
            usual_name: "Agent",
            uid: sub.slice(0, 12),
            siret: "13001652800019",
            idp_id: "e2e-idp",
          };
        },
      };
    },
    // First-party client: every requested scope is granted without a consent screen.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const existing = ctx.oidc.session?.grantIdFor(ctx.oidc.client?.clientId ?? "");
      if (existing) return ctx.oidc.provider.Grant.find(existing);
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client?.clientId,
        accountId: ctx.oidc.session?.accountId,
      });
      grant.addOIDCScope(SCOPES.join(" "));
      await grant.save();
      return grant;
    },
  });

  const resign = async (jwt: string) => {
    const { kid, alg } = decodeProtectedHeader(jwt);
    return new SignJWT(decodeJwt(jwt)).setProtectedHeader({ alg: alg ?? "RS256", kid }).sign(rogue.privateKey);
  };
  const subjectStarts = (jwt: string, prefix: string) => fromSub(String(decodeJwt(jwt).sub ?? "")).startsWith(prefix);

  provider.use(async (ctx: KoaContextWithOIDC, next: () => Promise<void>) => {
    await next();
    const body = ctx.body as { id_token?: string } | string | undefined;
    if (ctx.path === "/token" && typeof body === "object" && body?.id_token) {
      if (subjectStarts(body.id_token, BAD_ID_TOKEN_PREFIX)) body.id_token = await resign(body.id_token);
    }
    if (ctx.path === "/me" && typeof body === "string" && subjectStarts(body, BAD_USERINFO_PREFIX)) {
      ctx.body = await resign(body);
    }
  });

  const callback = provider.callback();
  const server = http.createServer(async (req, res) => {
    const match = /^\/interaction\/([^/?]+)(\/login)?/.exec(req.url ?? "");
    if (!match) return callback(req, res);
    try {
      const details = await provider.interactionDetails(req, res);
      if (req.method === "POST" && match[2]) {
        const chunks: Buffer[] = [];
        for await (const c of req) chunks.push(c as Buffer);
        const email = new URLSearchParams(Buffer.concat(chunks).toString()).get("email")?.trim() ?? "";
        const login = { accountId: toSub(email), acr: "eidas1", amr: ["pwd"] };
        return provider.interactionFinished(req, res, { login }, { mergeWithLastSubmission: false });
      }
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.end(
        page(
          "ProConnect (fournisseur de test)",
          `<form method="post" action="/interaction/${details.uid}/login">
            <label for="email">Adresse e-mail professionnelle</label>
            <input id="email" name="email" type="email" autocomplete="email" required>
            <button type="submit">Continuer</button></form>`,
        ),
      );
    } catch (error) {
      res.statusCode = 400;
      res.end(String(error));
    }
  });
  server.listen(Number(port), "127.0.0.1");
  process.on("SIGTERM", () => server.close(() => process.exit(0)));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
