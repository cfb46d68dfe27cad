import type { NextConfig } from "next";
import { BODY_LIMITS } from "./lib/http/body-limit";
import { securityHeaders } from "./lib/http/security-headers";

// EMARGE_E2E_BUILD=1 (`npm run build:e2e`, into .next-e2e) adds the test hooks (app/**/route.e2e.ts)
// and the scanner's test probes; any other build has neither (docs/decisions/016).
const e2e = process.env.EMARGE_E2E_BUILD === "1";

const nextConfig: NextConfig = {
  // PGlite loads its WASM and data files from its package folder: it must not be bundled.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/schema-engine-wasm",
    // Read their font and template files from their package folders at run time.
    "pdfkit",
    "fontkit",
    "exceljs",
  ],
  // Parallel builds (several developers or test runs in one tree) each get their own folder.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  pageExtensions: e2e ? ["e2e.ts", "tsx", "ts", "jsx", "js"] : ["tsx", "ts", "jsx", "js"],
  compiler: { define: { "process.env.EMARGE_E2E_BUILD": e2e ? "1" : "0" } },
  poweredByHeader: false,
  typedRoutes: false,
  experimental: {
    // Also checked on Content-Length in proxy.ts, which answers 413 before Next reads the body.
    serverActions: { bodySizeLimit: BODY_LIMITS.serverAction },
    // Next buffers a body that passes through proxy.ts before the proxy's answer is sent: at most
    // this much (10 MB by default). proxy.ts refuses declared lengths over 200 kB anyway.
    proxyClientMaxBodySize: BODY_LIMITS.proxyBuffer,
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders() }];
  },
};

export default nextConfig;
