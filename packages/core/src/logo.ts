/** The largest logo a clinic may upload, before resizing. */
export const LOGO_MAX_BYTES = 5 * 1024 * 1024;

const LOGO_TYPES = new Set(['image/png', 'image/jpeg']);
const LOGO_NAME = /\.(png|jpe?g)$/i;

/**
 * Why a picked file cannot be a logo, judged by what the browser says about it; null when it
 * may be. Only a quick answer before the upload: the server decides by the bytes.
 */
export function logoPrecheck(file: { name: string; type: string; size: number }): string | null {
  // Some systems give no type; then the name is the only hint.
  const looksLikeImage = file.type ? LOGO_TYPES.has(file.type) : LOGO_NAME.test(file.name);
  if (!looksLikeImage) return 'Choose a PNG or JPEG image.';
  if (file.size === 0) return 'This file is empty.';
  if (file.size > LOGO_MAX_BYTES) return 'Choose an image of at most 5 MB.';
  return null;
}
