export {
  type AuthAudience,
  type AuthConfig,
  createAuthOptions,
  sessionCookieName,
  sessionIdFromCookie,
} from './next-auth';
export { createOtpChallenge, generateOtp, type OtpPurpose, verifyOtp } from './otp';
export { passwordProblem } from './password-rule';
export { can, PERMISSIONS, type Permission, seesAllCentres } from './permissions';
export { checkPhoneProof } from './phone-proof';
export { OTP_POLICY, PASSWORD_RESET_POLICY, SESSION_POLICY, SIGN_IN_LIMITS, TWO_FACTOR_POLICY } from './policy';
export { createRateLimits, RateLimitedError, type RateLimits } from './rate-limit';
export {
  type AnonymousPrincipal,
  createPatientSession,
  createStaffSession,
  endOtherStaffSessions,
  loadPrincipal,
  type PatientPrincipal,
  type Principal,
  revokeSession,
  type SessionMeta,
  type StaffPrincipal,
} from './sessions';
export {
  type AuthDeps,
  requestSignInCode,
  SignInError,
  signInPatientWithProof,
  signInStaffWithOtp,
  signInStaffWithPassword,
  signInStaffWithSecondFactor,
  TWO_FACTOR_REQUIRED_PREFIX,
  TwoFactorRequiredError,
  verifyPatientCode,
} from './sign-in';
export {
  checkEnrolmentCode,
  checkSecondFactor,
  enrolmentDetails,
  newTotpSecret,
  openTotpSecret,
  replaceRecoveryCodes,
  sealTotpSecret,
  totpCode,
} from './two-factor';
