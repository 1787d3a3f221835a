import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Environment } from '../config/environment';
import { RequestDrain } from './common/lifecycle/request-drain';
import { applyBodyLimits } from './common/security/body-limits';
import { applyHttpSecurity } from './common/security/http-security';
import { validationPipe } from './common/validation/validation.pipe';
import { serveWebApp } from './common/web/web-app';
import { BearerAuthentication } from './modules/access/bearer-authentication';

/** What the service and the end-to-end tests both set on the application. */
export function configureApp(app: NestExpressApplication): NestExpressApplication {
  // First, so that every answer (errors, /docs, refusals) carries the security headers.
  applyHttpSecurity(app, app.get(Environment));
  // Before anything that takes time (reading a document): at shutdown, what was accepted is waited for.
  app.use(app.get(RequestDrain).middleware);
  // Before any body is read: a document upload is read only for a caller with a valid token.
  const authentication = app.get(BearerAuthentication);
  applyBodyLimits(app, (request) => authentication.principalOf(request));
  app.useGlobalPipes(validationPipe);
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Trefpunt')
      .setDescription(
        'Plans group trainings for women in inburgering around their language lessons, with childcare and transport.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  serveWebApp(app, document);
  return app;
}
