import { getConfig } from '@taskforge/config';
import type { NextConfig } from 'next';

const config = getConfig();
const isDev = config.NODE_ENV === 'development';

/**
 * Headers are compiled into the build: the API origin in connect-src is the
 * TASKFORGE_API_URL seen by `next build` (turbo.json passes TASKFORGE_* to builds).
 */
function contentSecurityPolicy(): string {
  const connect = ["'self'"];
  if (config.TASKFORGE_API_URL) connect.push(new URL(config.TASKFORGE_API_URL).origin);
  // `next dev` needs eval (React's dev tooling) and a websocket for hot reload.
  if (isDev) connect.push('ws:', 'wss:');
  return [
    "default-src 'self'",
    // Next inlines its RSC payload and bootstrap scripts; nonces would force every page dynamic.
    `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${connect.join(' ')}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const securityHeaders = [
  { key: 'Content-Security-Policy', value: contentSecurityPolicy() },
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
  transpilePackages: ['@taskforge/api', '@taskforge/db', '@taskforge/config', '@taskforge/validators'],
  // Loaded by Node at runtime instead of bundled: drivers and loggers that resolve files
  // or workers next to themselves. (pg, pino and @prisma/client are on Next's own list too.)
  serverExternalPackages: ['pg', '@prisma/adapter-pg', '@prisma/client', 'pino'],
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
