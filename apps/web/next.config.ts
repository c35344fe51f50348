import type { NextConfig } from 'next';

// The Content-Security-Policy is not here: it carries a fresh nonce per request (src/proxy.ts).
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  {
    key: 'Permissions-Policy',
    value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
  },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];

const nextConfig: NextConfig = {
  // Workspace packages ship TypeScript source (package.json "exports" -> src/index.ts).
  transpilePackages: [
    '@taskforge/api',
    '@taskforge/auth',
    '@taskforge/db',
    '@taskforge/config',
    '@taskforge/validators',
  ],
  // Loaded by Node at runtime instead of bundled: drivers and loggers that resolve files
  // or workers next to themselves. (pg, pino and @prisma/client are on Next's own list too.)
  serverExternalPackages: ['pg', '@prisma/adapter-pg', '@prisma/client', 'pino', '@node-rs/argon2'],
  poweredByHeader: false,
  // `next dev` only serves its dev assets and HMR socket to listed hosts; tests browse 127.0.0.1.
  allowedDevOrigins: ['127.0.0.1'],
  reactStrictMode: true,
  typedRoutes: true,
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default nextConfig;
