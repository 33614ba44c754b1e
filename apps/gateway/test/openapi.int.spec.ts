import { LIFECYCLE_ROUTES } from '@complaints/contracts';
import { Telemetry, startTelemetry } from '@complaints/telemetry';
import { API_KEY_SCHEME } from '../src/openapi/openapi-document';
import { TestGateway, startTestGateway } from './support/test-gateway';

interface Operation {
  operationId?: string;
  summary?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
  parameters?: { name: string; in: string }[];
  responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }>;
}
interface OpenApiDocument {
  openapi: string;
  info: { title: string };
  servers: { url: string }[];
  security?: Record<string, string[]>[];
  paths: Record<string, Record<string, Operation>>;
  components: {
    securitySchemes: Record<string, { type: string; scheme: string }>;
    schemas: Record<string, unknown>;
  };
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

function operations(document: OpenApiDocument): [string, Operation][] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, operation]): [string, Operation] => [`${method.toUpperCase()} ${path}`, operation]),
  );
}

describe('OpenAPI description', () => {
  let telemetry: Telemetry;
  let gateway: TestGateway;
  let document: OpenApiDocument;

  beforeAll(async () => {
    telemetry = startTelemetry({ serviceName: 'gateway' });
    gateway = await startTestGateway(telemetry);
    const response = await fetch(`${gateway.url}/docs-json`);
    expect(response.status).toBe(200);
    document = (await response.json()) as OpenApiDocument;
  });
  afterAll(async () => {
    await gateway?.close();
    await telemetry?.shutdown();
  });

  it('is OpenAPI 3, titled, with servers and the API key as a bearer scheme', () => {
    expect(document.openapi).toMatch(/^3\./);
    expect(document.info.title).toBe('Complaints platform API');
    expect(document.servers.length).toBeGreaterThan(0);
    expect(document.components.securitySchemes[API_KEY_SCHEME]).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
  });

  it('describes every /v1 route, each requiring the API key', () => {
    const described = operations(document);
    expect(described.map(([name]) => name)).toEqual(
      expect.arrayContaining(['POST /v1/complaints', 'GET /v1/complaints/{id}']),
    );
    for (const [name, operation] of described) {
      expect(name).toMatch(/^[A-Z]+ \/v1\//);
      expect({ name, security: operation.security ?? document.security }).toEqual({
        name,
        security: [{ [API_KEY_SCHEME]: [] }],
      });
    }
  });

  it('names every operation, sums it up and tags it', () => {
    for (const [name, operation] of operations(document)) {
      expect({ name, operationId: operation.operationId }).toEqual({
        name,
        operationId: expect.stringMatching(/^[a-z][A-Za-z]+$/),
      });
      expect({ name, summary: operation.summary }).toEqual({ name, summary: expect.any(String) });
      expect({ name, tags: operation.tags }).toEqual({ name, tags: [expect.any(String)] });
    }
  });

  it('describes each lifecycle command as an operation of its own, with its own body', () => {
    expect(Object.keys(document.paths)).not.toContain('/v1/complaints/{id}/{action}');
    for (const [segment, route] of Object.entries(LIFECYCLE_ROUTES)) {
      const operation = document.paths[`/v1/complaints/{id}/${segment}`]?.['post'];
      expect({ segment, operationId: operation?.operationId }).toEqual({
        segment,
        operationId: route.operationId,
      });
      expect(operation?.requestBody?.content['application/json']?.schema).toMatchObject({
        additionalProperties: false,
      });
    }
    const close = document.paths['/v1/complaints/{id}/close']?.['post'];
    expect(close?.requestBody?.content['application/json']?.schema['required']).toEqual(['reason']);
  });

  it('takes request bodies from the contracts, strict as the gateway parses them', () => {
    const create = document.paths['/v1/complaints']?.['post'];
    const schema = create?.requestBody?.content['application/json']?.schema;
    expect(schema).toMatchObject({ type: 'object', additionalProperties: false });
    expect(schema?.['required']).toEqual(expect.arrayContaining(['policyId', 'kind', 'channel']));
  });

  it('declares every path parameter a route template names', () => {
    for (const [name, operation] of operations(document)) {
      const templated = [...name.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      const declared = (operation.parameters ?? [])
        .filter((parameter) => parameter.in === 'path')
        .map((p) => p.name);
      expect({ name, declared: declared.sort() }).toEqual({ name, declared: templated.sort() });
    }
  });

  it('documents problems as problem+json with one shared schema', () => {
    expect(document.components.schemas['Problem']).toMatchObject({ type: 'object' });
    const create = document.paths['/v1/complaints']?.['post'];
    for (const status of ['400', '401', '403', '413', '415', '422', '429', '503']) {
      expect(create?.responses[status]?.content?.['application/problem+json']?.schema).toEqual({
        $ref: '#/components/schemas/Problem',
      });
    }
    expect(document.paths['/v1/complaints/{id}']?.['get']?.responses['404']).toBeDefined();
  });

  it("lints clean under redocly's recommended rules", async () => {
    // ESM only: jest loads it through a dynamic import (--experimental-vm-modules).
    const { createConfig, lintFromString } = await import('@redocly/openapi-core');
    const problems = await lintFromString({
      source: JSON.stringify(document),
      config: await createConfig({ extends: ['recommended'] }),
    });
    expect(
      problems.map(({ ruleId, message, location }) => ({ ruleId, message, at: location[0]?.pointer })),
    ).toEqual([]);
  });

  it('serves Swagger UI at /docs without an API key', async () => {
    const response = await fetch(`${gateway.url}/docs`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
  });
});
