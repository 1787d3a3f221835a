import { useEffect, useState } from 'react';

/** The QR code options; the browser tests draw the same code from the same options to check what it holds. */
export const QR_OPTIONS = { type: 'svg', margin: 2, errorCorrectionLevel: 'M' } as const;

/**
 * A link as a QR code, for her to scan with her phone's camera at the desk. The QR library is loaded only when a
 * code is shown, so it stays out of the app's first load.
 */
export function QrCode({ text, label }: { text: string; label: string }) {
  const [svg, setSvg] = useState<string>();
  useEffect(() => {
    let current = true;
    import('qrcode')
      .then((qrcode) => qrcode.toString(text, QR_OPTIONS))
      .then((drawn) => current && setSvg(drawn))
      .catch(() => current && setSvg(undefined));
    return () => {
      current = false;
    };
  }, [text]);
  if (!svg) return null;
  return (
    <img
      className="qr"
      src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`}
      alt={label}
      data-qr={text}
      width={180}
      height={180}
    />
  );
}
