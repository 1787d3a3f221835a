import { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { Environment } from '../../../config/environment';

/**
 * What Swagger UI at /docs needs and nothing more: its bundle, preset and init script are files served from
 * /docs itself (no inline script), it sets inline styles, shows data: images, and calls the API on this origin.
 */
const CONTENT_SECURITY_POLICY = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    scriptSrcAttr: ["'none'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
};

/**
 * Security headers on every answer (helmet), the client address behind reverse proxies, and CORS only for the
 * origins in TREFPUNT_CORS_ORIGINS (off by default: then browsers let only pages of this origin call the API).
 */
export function applyHttpSecurity(app: NestExpressApplication, environment: Environment): void {
  // Without a proxy, X-Forwarded-For is whatever the client wrote: trust it only as far as configured.
  app.set('trust proxy', environment.TREFPUNT_TRUSTED_PROXIES);
  app.use(
    helmet({
      contentSecurityPolicy: CONTENT_SECURITY_POLICY,
      // Browsers heed it only over HTTPS (through the TLS proxy). Not for subdomains: those are the host's.
      strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: false },
      xFrameOptions: { action: 'deny' },
    }),
  );
  if (environment.TREFPUNT_CORS_ORIGINS.length > 0) {
    app.enableCors({
      origin: environment.TREFPUNT_CORS_ORIGINS,
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: ['Authorization', 'Content-Type'],
      exposedHeaders: ['Retry-After'],
      // Bearer tokens, no cookies: a browser never needs to send credentials.
      credentials: false,
      maxAge: 600,
    });
  }
}
