// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // TAXII 2.1 paths end in "/": proxy.ts redirects trailing slashes everywhere else (lib/http/trailing-slash).
  skipTrailingSlashRedirect: true,
  // No image optimizer: most Next.js advisories of 2025-26 live in /_next/image, and we serve no user images.
  images: { unoptimized: true },
  // forbidden() (app/page-errors.ts): a refused page answers 403 with app/forbidden.tsx, not a 500.
  experimental: { authInterrupts: true },
  // The data model package pulls zod schemas that must not be bundled twice.
  serverExternalPackages: ["@mitre-attack/attack-data-model", "better-sqlite3", "pg", "nodemailer"],
  // Security headers (CSP with a per-request nonce, HSTS, Permissions-Policy, no-store) are set by
  // proxy.ts from lib/http/headers.ts, on every answer.
};

module.exports = nextConfig;
