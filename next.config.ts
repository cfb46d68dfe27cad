import type { NextConfig } from "next";
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
    "exceljs",
  ],
  // Parallel builds (several developers or test runs in one tree) each get their own folder.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  pageExtensions: e2e ? ["e2e.ts", "tsx", "ts", "jsx", "js"] : ["tsx", "ts", "jsx", "js"],
  compiler: { define: { "process.env.EMARGE_E2E_BUILD": e2e ? "1" : "0" } },
  poweredByHeader: false,
  typedRoutes: false,
  experimental: {
    serverActions: { bodySizeLimit: "200kb" },
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders() }];
  },
};

export default nextConfig;
