// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // No image optimizer: most Next.js advisories of 2025-26 live in /_next/image, and we serve no user images.
  images: { unoptimized: true },
  // The data model package pulls zod schemas that must not be bundled twice.
  serverExternalPackages: ["@mitre-attack/attack-data-model", "better-sqlite3", "pg", "nodemailer"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "Content-Security-Policy", value: "frame-ancestors 'none'; object-src 'none'; base-uri 'none'" },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
