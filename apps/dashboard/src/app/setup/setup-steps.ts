/** "Asha Family Clinic, Pune" -> "asha-family-clinic-pune": the booking-site address suggested from the name. */
export function slugFromName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/**
 * Uploads the logo through the organization-logo endpoint once the new admin is signed in.
 * Returns why it failed, or null.
 */
export async function uploadLogo(file: File): Promise<string | null> {
  const body = new FormData();
  body.set('file', file);
  try {
    const response = await fetch('/api/organization/logo', { method: 'POST', body });
    if (response.ok) return null;
    const answer = (await response.json().catch(() => null)) as { message?: string } | null;
    return answer?.message ?? 'The upload was refused.';
  } catch {
    return 'The connection failed during the upload.';
  }
}
