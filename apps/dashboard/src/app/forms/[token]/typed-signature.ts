/**
 * A typed name drawn as a signature image, for patients who cannot draw one (keyboard or screen
 * reader users, a shaky hand). Same shape as a drawn one: a PNG data URL on white.
 */
export function typedSignature(name: string): string | null {
  const text = name.trim();
  if (!text) return null;
  const canvas = document.createElement('canvas');
  canvas.width = 600;
  canvas.height = 180;
  const pen = canvas.getContext('2d');
  if (!pen) return null;
  pen.fillStyle = '#ffffff';
  pen.fillRect(0, 0, canvas.width, canvas.height);
  pen.fillStyle = '#0f172a';
  pen.textBaseline = 'middle';
  // Shrink long names to fit the box.
  let size = 56;
  do {
    pen.font = `italic ${size}px Georgia, 'Times New Roman', serif`;
    size -= 4;
  } while (pen.measureText(text).width > canvas.width - 40 && size > 16);
  pen.fillText(text, 20, canvas.height / 2);
  return canvas.toDataURL('image/png');
}
