import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { declareTemplatedPathParameters } from './path-parameters';
import { addSharedProblems } from './problem-responses';

export const API_KEY_SCHEME = 'api-key';

/** The client API; `/health` is for the orchestrator and stays out of its description (metrics have a port of their own). */
const PUBLIC_API_PREFIX = '/v1/';

/**
 * The OpenAPI description of the `/v1` API. Every operation requires an API key unless it
 * declares its own `security` (a public route would declare none).
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Complaints platform API')
    .setDescription(
      'Takes complaints in and follows them through their policy. Errors are RFC 9457 `application/problem+json`; ' +
        'every response carries `X-Request-Id` (send your own to correlate), which problems repeat as `requestId`.',
    )
    .setVersion('1')
    .setLicense('Apache-2.0', 'https://www.apache.org/licenses/LICENSE-2.0')
    // Relative, so the document names whichever gateway serves it, local or deployed.
    .addServer('/', 'this gateway')
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', description: 'an API key, sent as `Authorization: Bearer <key>`' },
      API_KEY_SCHEME,
    )
    .addSecurityRequirements(API_KEY_SCHEME)
    .addTag('complaints', 'submit complaints and follow them')
    .addTag('policies', 'the policy registry, and what a policy would make of a complaint')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  document.paths = Object.fromEntries(
    Object.entries(document.paths).filter(([path]) => path.startsWith(PUBLIC_API_PREFIX)),
  );
  declareTemplatedPathParameters(document);
  addSharedProblems(document);
  return document;
}

/** Swagger UI at `/docs`, the document at `/docs-json`; neither needs an API key. */
export function serveOpenApi(app: INestApplication): void {
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'docs-json',
    raw: ['json'],
  });
}
