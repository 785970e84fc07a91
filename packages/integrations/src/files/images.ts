/**
 * Image checks and resizing for uploaded logos.
 *
 * sharp (libvips) rather than a pure-JS library such as jimp: Next.js already installs it for its
 * image optimisation, so it adds nothing to the install; it is the most used and maintained image
 * library for Node; it decodes and resizes in native threads off the event loop (jimp blocks it and
 * is many times slower on a 5 MB photo); and it drops EXIF metadata (GPS, camera serials) on output.
 *
 * The type comes from the leading bytes, not the file name. The two signatures we accept are a few
 * bytes each, so we check them here instead of adding `file-type` (five packages, and its current
 * major needs Node 22); sharp then confirms the whole image decodes as that type.
 */
import sharp, { type Metadata } from 'sharp';

export type ImageType = 'image/png' | 'image/jpeg';
export type ImageInfo = { contentType: ImageType; extension: 'png' | 'jpg'; width: number; height: number };
export type ResizedImage = { body: Buffer; contentType: ImageType; width: number; height: number };

export const DEFAULT_MAX_IMAGE_BYTES = 5 * 1024 * 1024;
/** Refuses decompression bombs: a small file that claims a huge canvas. */
const MAX_INPUT_PIXELS = 40_000_000;

export class ImageRejectedError extends Error {
  constructor(
    readonly reason: 'type' | 'size',
    message: string,
  ) {
    super(message);
    this.name = 'ImageRejectedError';
  }
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG_SIGNATURE = Buffer.from([0xff, 0xd8, 0xff]);

/** The image type its bytes declare, or null for anything but PNG and JPEG. */
export function sniffImageType(buffer: Buffer): ImageType | null {
  if (buffer.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE)) return 'image/png';
  if (buffer.subarray(0, JPEG_SIGNATURE.length).equals(JPEG_SIGNATURE)) return 'image/jpeg';
  return null;
}

type InspectOptions = {
  maxBytes?: number;
  /** Starts the refusal sentences, e.g. "The logo must be ...". */
  subject?: string;
};

/** The upload's real type and size, or an ImageRejectedError with a sentence for the user. */
export async function inspectImage(buffer: Buffer, options: InspectOptions = {}): Promise<ImageInfo> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_IMAGE_BYTES;
  const subject = options.subject ?? 'The logo';
  if (buffer.length > maxBytes) {
    throw new ImageRejectedError('size', `${subject} must be at most ${formatSize(maxBytes)}`);
  }
  const notAnImage = new ImageRejectedError('type', `${subject} must be a PNG or JPEG image`);
  const contentType = sniffImageType(buffer);
  if (contentType === null) throw notAnImage;
  let metadata: Metadata;
  try {
    metadata = await sharp(buffer, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
  } catch {
    throw notAnImage;
  }
  const decoded = metadata.format === 'png' ? 'image/png' : metadata.format === 'jpeg' ? 'image/jpeg' : null;
  if (decoded !== contentType || !metadata.width || !metadata.height) throw notAnImage;
  if (metadata.width * metadata.height > MAX_INPUT_PIXELS) throw notAnImage;
  return {
    contentType,
    extension: contentType === 'image/png' ? 'png' : 'jpg',
    width: metadata.width,
    height: metadata.height,
  };
}

/**
 * The image scaled to fit within maxWidth x maxHeight, aspect ratio kept and never enlarged, in its
 * own format (PNG keeps transparency). EXIF orientation is applied first so photos stay upright.
 */
export async function resizeForDisplay(
  buffer: Buffer,
  { maxWidth, maxHeight }: { maxWidth: number; maxHeight: number },
): Promise<ResizedImage> {
  const contentType = sniffImageType(buffer);
  if (contentType === null) throw new ImageRejectedError('type', 'The image must be a PNG or JPEG image');
  const pipeline = sharp(buffer, { limitInputPixels: MAX_INPUT_PIXELS })
    .rotate()
    .resize({ width: maxWidth, height: maxHeight, fit: 'inside', withoutEnlargement: true });
  const encoded = contentType === 'image/png' ? pipeline.png() : pipeline.jpeg({ quality: 85, mozjpeg: true });
  const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
  return { body: data, contentType, width: info.width, height: info.height };
}

function formatSize(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
  return `${Math.ceil(bytes / 1024)} KB`;
}
