/** The dashboard bench's configuration, read from the environment in this one place. */
// biome-ignore lint/style/noProcessEnv: the bench's single env module
const environment = process.env;

/** The same Chromium setting the end-to-end tests read. */
export const chromiumPath = environment.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** What the apps started by the bench inherit (PATH and friends), plus their own settings. */
export function appEnvironment(settings: Record<string, string>): NodeJS.ProcessEnv {
  return { ...environment, ...settings };
}
