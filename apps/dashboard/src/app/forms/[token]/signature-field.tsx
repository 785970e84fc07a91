'use client';
import { Button, TextField } from '@carelane/ui';
import { useEffect, useId, useRef, useState } from 'react';
import SignaturePad from 'signature_pad';
import { typedSignature } from './typed-signature';

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
  const [typing, setTyping] = useState(false);
  const [typedName, setTypedName] = useState('');

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

  function switchTo(typed: boolean) {
    setTyping(typed);
    // Only the way now in use signs the form.
    if (typed) report.current(typedSignature(typedName));
    else report.current(padRef.current && !padRef.current.isEmpty() ? padRef.current.toDataURL('image/png') : null);
  }

  return (
    <div className="space-y-2">
      <p id={`${id}-label`} className="text-base font-medium text-slate-900">
        Your signature
      </p>
      <p id={`${id}-help`} className="text-sm text-slate-600">
        {typing
          ? 'Type your full name; it is added as your signature. By signing you confirm your answers are true.'
          : 'Sign in the box with your finger or a mouse. By signing you confirm your answers are true.'}
      </p>
      {/* The canvas stays mounted while typing, so a drawn signature survives switching back. */}
      <canvas
        ref={canvasRef}
        role="img"
        aria-labelledby={`${id}-label`}
        aria-describedby={`${id}-help ${id}-error`}
        aria-invalid={error ? true : undefined}
        data-testid="signature-pad"
        style={{ height: HEIGHT, touchAction: 'none' }}
        className={`${typing ? 'hidden' : 'block'} w-full rounded-md border-2 border-dashed border-slate-400 bg-white aria-[invalid=true]:border-red-700`}
      />
      {typing ? (
        <TextField
          label="Your full name as your signature"
          autoComplete="name"
          value={typedName}
          onChange={(event) => {
            setTypedName(event.target.value);
            report.current(typedSignature(event.target.value));
          }}
          className="[&_input]:min-h-12 [&_input]:font-serif [&_input]:text-xl [&_input]:italic"
        />
      ) : null}
      <p id={`${id}-error`} aria-live="polite" className="text-base font-medium text-red-700">
        {error}
      </p>
      <div className="flex flex-wrap justify-end gap-3">
        <Button variant="secondary" onClick={() => switchTo(!typing)} className="min-h-11 px-5 text-base">
          {typing ? 'Draw instead' : 'Type my name instead'}
        </Button>
        {typing ? null : (
          <Button variant="secondary" onClick={clear} className="min-h-11 px-5 text-base">
            Clear signature
          </Button>
        )}
      </div>
    </div>
  );
}
