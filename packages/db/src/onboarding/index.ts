// Creating organizations: the first-run setup (API), `pnpm carelane org:create` and the demo seed share it.
export {
  type CreatedOrganization,
  createOrganization,
  createOrganizationNow,
  OnboardingFieldError,
} from './create-organization';
export {
  countryChoices,
  currencyChoices,
  isCountryCode,
  isCurrencyCode,
  newAdminSchema,
  newCentreSchema,
  newOrganizationSchema,
  type Onboarding,
  type OnboardingInput,
  onboardingSchema,
  onboardingShape,
} from './input';
export {
  issueSetupCode,
  lockSetup,
  normaliseSetupCode,
  SETUP_CODE_LIFETIME_MS,
  SETUP_CODE_PATTERN,
  setupCodeLine,
  setupNeeded,
  useSetupCode,
} from './setup-code';
export { defaultTemplateRows, firstQuestionnaireRow, insertStartingRows } from './starting-rows';
