/**
 * Where to send someone after sign-in (callbackUrl, redirectTo, next-auth's redirect callback):
 * only a path of this site. Browsers drop tabs and newlines from URLs and read "\" as "/", so
 * "/\t/evil.example" would become "//evil.example", another site: any control character, space
 * or backslash is refused, and the path must still be a same-origin path once parsed.
 */
const ORIGIN = "http://emarge.invalid";
// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing them is what this check is for
const UNSAFE = /[\u0000-\u0020\u007f-\u009f\\\u2028\u2029\ufeff]/;

export function safeCallbackPath(value: unknown, fallback = "/organisateur"): string {
  if (typeof value !== "string" || value.length > 2000 || UNSAFE.test(value)) return fallback;
  if (!value.startsWith("/") || value.startsWith("//")) return fallback;
  let url: URL;
  try {
    url = new URL(value, ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== ORIGIN) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith("//") ? fallback : path;
}

/**
 * For next-auth's redirect callback: an absolute URL on our own origin or a path is kept (as a
 * same-origin path checked above, made absolute again); anything else goes to the fallback.
 */
export function safeRedirectUrl(url: string, baseUrl: string, fallback = "/organisateur"): string {
  const base = baseUrl.replace(/\/+$/, "");
  let candidate: unknown = url;
  if (typeof url === "string" && !url.startsWith("/")) {
    try {
      const parsed = new URL(url);
      candidate = parsed.origin === new URL(base).origin ? `${parsed.pathname}${parsed.search}${parsed.hash}` : null;
    } catch {
      candidate = null;
    }
  }
  return `${base}${safeCallbackPath(candidate, fallback)}`;
}
