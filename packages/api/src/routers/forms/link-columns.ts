import { formRequests, questionnaireVersions, staffUsers } from '@carelane/db';

/**
 * A form link as staff see it (the request joined with its version and its sender); never the
 * token. Shared by the patient's forms tab and the organization's overview.
 */
export const formLinkColumns = {
  id: formRequests.id,
  version: questionnaireVersions.version,
  createdAt: formRequests.createdAt,
  createdBy: staffUsers.name,
  expiresAt: formRequests.expiresAt,
  openedAt: formRequests.openedAt,
  submittedAt: formRequests.submittedAt,
  revokedAt: formRequests.revokedAt,
  lockedAt: formRequests.lockedAt,
  failedBirthDateAttempts: formRequests.failedBirthDateAttempts,
  sentVia: formRequests.sentVia,
};
