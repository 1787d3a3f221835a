import { Locator } from 'playwright-core';
import { toString as qrSvg } from 'qrcode';

/** The options of web/src/app/qr-code.tsx: the same link drawn with them gives the same code. */
const QR_OPTIONS = { type: 'svg', margin: 2, errorCorrectionLevel: 'M' } as const;

/**
 * Whether an image on the page is the QR code of `link`: its SVG is the code the qrcode library draws for that
 * link (no QR reader is installed to scan it, and the library is deterministic).
 */
export async function isQrCodeOf(image: Locator, link: string): Promise<boolean> {
  const source = (await image.getAttribute('src')) ?? '';
  const prefix = 'data:image/svg+xml;charset=utf-8,';
  if (!source.startsWith(prefix)) return false;
  return decodeURIComponent(source.slice(prefix.length)) === (await qrSvg(link, QR_OPTIONS));
}
