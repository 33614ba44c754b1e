import { OpenAPIObject, ParameterObject } from '@nestjs/swagger';
import { operationsOf } from './operations';

/**
 * OpenAPI requires every `{name}` of a path to be declared. The gateway parses path
 * parameters with zod inside handlers, where @nestjs/swagger cannot see them, so a route
 * without `ApiZodPathParams` gets them declared here as plain strings.
 */
export function declareTemplatedPathParameters(document: OpenAPIObject): void {
  for (const { path, operation } of operationsOf(document)) {
    const declared = new Set(
      (operation.parameters ?? [])
        .filter((p): p is ParameterObject => 'in' in p && p.in === 'path')
        .map((p) => p.name),
    );
    const missing = [...path.matchAll(/\{([^}]+)\}/g)]
      .map((match) => match[1] ?? '')
      .filter((name) => !declared.has(name));
    operation.parameters = [
      ...(operation.parameters ?? []),
      ...missing.map((name): ParameterObject => ({
        name,
        in: 'path',
        required: true,
        schema: { type: 'string' },
      })),
    ];
  }
}
