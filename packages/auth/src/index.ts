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
export { OTP_POLICY, SESSION_POLICY, SIGN_IN_LIMITS } from './policy';
export { createRateLimits, RateLimitedError, type RateLimits } from './rate-limit';
export {
  type AnonymousPrincipal,
  createPatientSession,
  createStaffSession,
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
  verifyPatientCode,
} from './sign-in';
