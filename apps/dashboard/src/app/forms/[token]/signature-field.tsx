'use client';
import { Button } from '@carelane/ui';
import { useEffect, useId, useRef } from 'react';
import SignaturePad from 'signature_pad';

const HEIGHT = 180;

/**
 * Step 3: the patient signs with a finger (or mouse). The canvas is sized in device pixels from
 * its CSS width so strokes stay sharp on any screen; a resize redraws the strokes so far.
 * Reports the signature as a PNG data URL, or null while the box is empty.
 */
export function SignatureField({
  onChange,
  error,
}: {
  onChange: (signature: string | null) => void;
  error: string | null;
}) {
  const id = useId();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const padRef = useRef<SignaturePad | null>(null);
  const report = useRef(onChange);
  report.current = onChange;

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    // White, not transparent: the PNG is printed and viewed on dark screens too.
    const pad = new SignaturePad(canvas, { backgroundColor: 'rgb(255, 255, 255)', penColor: 'rgb(15, 23, 42)' });
    padRef.current = pad;
    const emit = () => report.current(pad.isEmpty() ? null : pad.toDataURL('image/png'));
    pad.addEventListener('endStroke', emit);

    let width = 0;
    const fit = () => {
      const cssWidth = canvas.offsetWidth;
      if (cssWidth === width || cssWidth === 0) return;
      width = cssWidth;
      const ratio = Math.max(window.devicePixelRatio || 1, 1);
      const strokes = pad.toData();
      canvas.width = Math.round(cssWidth * ratio);
      canvas.height = Math.round(HEIGHT * ratio);
      canvas.getContext('2d')?.scale(ratio, ratio);
      // Resizing wipes the bitmap; redraw what was signed (points are in CSS pixels).
      pad.clear();
      pad.fromData(strokes);
      if (strokes.length > 0) emit();
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(canvas);
    return () => {
      observer.disconnect();
      pad.removeEventListener('endStroke', emit);
      pad.off();
      padRef.current = null;
    };
  }, []);

  function clear() {
    padRef.current?.clear();
    report.current(null);
  }

  return (
    <div className="space-y-2">
      <p id={`${id}-label`} className="text-base font-medium text-slate-900">
        Your signature
      </p>
      <p id={`${id}-help`} className="text-sm text-slate-600">
        Sign in the box with your finger or a mouse. By signing you confirm your answers are true.
      </p>
      <canvas
        ref={canvasRef}
        role="img"
        aria-labelledby={`${id}-label`}
        aria-describedby={`${id}-help ${id}-error`}
        aria-invalid={error ? true : undefined}
        data-testid="signature-pad"
        style={{ height: HEIGHT, touchAction: 'none' }}
        className="block w-full rounded-md border-2 border-dashed border-slate-400 bg-white aria-[invalid=true]:border-red-700"
      />
      <div className="flex items-start justify-between gap-3">
        <p id={`${id}-error`} aria-live="polite" className="text-base font-medium text-red-700">
          {error}
        </p>
        <Button variant="secondary" onClick={clear} className="min-h-11 shrink-0 px-5 text-base">
          Clear signature
        </Button>
      </div>
    </div>
  );
}
