import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiParam, ApiQuery, ApiResponse, SchemaObject } from '@nestjs/swagger';
import { z } from 'zod';

/**
 * The OpenAPI schema of a zod schema from @complaints/contracts, so the document describes
 * exactly what the gateway validates. `input` for what a client sends (defaults optional),
 * `output` for what it receives. OpenAPI 3.0, which @nestjs/swagger emits, has no type arrays;
 * zod's openapi-3.0 target writes `nullable` instead.
 */
export function openApiSchema(schema: z.ZodType, io: 'input' | 'output'): SchemaObject {
  // zod's JSON Schema type and the OpenAPI SchemaObject describe the same JSON; only their typings differ.
  return z.toJSONSchema(schema, {
    io,
    target: 'openapi-3.0',
    unrepresentable: asJson,
    override: foldSameAlternatives,
  }) as SchemaObject;
}

/**
 * A `Date` or an ISO string is one JSON shape (see asJson), so such a union would list the same
 * schema twice, which the OpenAPI lint rightly calls illogical: it keeps each alternative once,
 * and a single one in place of the union.
 */
function foldSameAlternatives({ jsonSchema }: { jsonSchema: z.core.JSONSchema.BaseSchema }): void {
  const { anyOf } = jsonSchema;
  if (!anyOf) return;
  const distinct = [...new Map(anyOf.map((alternative) => [JSON.stringify(alternative), alternative])).values()];
  if (distinct.length === anyOf.length) return;
  if (distinct.length > 1) {
    jsonSchema.anyOf = distinct;
    return;
  }
  delete jsonSchema.anyOf;
  Object.assign(jsonSchema, distinct[0]);
}

/**
 * Shared schemas accept a `Date` beside an ISO string for callers in the same process; JSON
 * carries only the string, so that is what the document says. Anything else without a JSON
 * form stays an open schema.
 */
function asJson({ zodSchema }: { zodSchema: z.core.$ZodType }): z.core.JSONSchema.BaseSchema | 'any' {
  return zodSchema instanceof z.ZodDate ? { type: 'string', format: 'date-time' } : 'any';
}

/**
 * Documents a JSON request body with the zod schema that parses it. `required: false` when the
 * route takes a missing body as `{}`.
 */
export const ApiZodBody = (schema: z.ZodType, { required = true } = {}) =>
  ApiBody({ required, schema: openApiSchema(schema, 'input') });

/** Documents a JSON success response with the zod schema of the reply. */
export const ApiZodResponse = (status: number, description: string, schema: z.ZodType) =>
  ApiResponse({ status, description, schema: openApiSchema(schema, 'output') });

/** Documents the path parameters a zod object schema parses, one parameter per property. */
export function ApiZodPathParams(schema: z.ZodObject) {
  const properties = openApiSchema(schema, 'input').properties ?? {};
  return applyDecorators(
    ...Object.entries(properties).map(([name, property]) =>
      ApiParam({ name, required: true, schema: property as SchemaObject }),
    ),
  );
}

/** Documents the query parameters a zod object schema parses, one parameter per property. */
export function ApiZodQueryParams(schema: z.ZodObject) {
  const document = openApiSchema(schema, 'input');
  const required = new Set(document.required ?? []);
  return applyDecorators(
    ...Object.entries(document.properties ?? {}).map(([name, property]) =>
      ApiQuery({ name, required: required.has(name), schema: property as SchemaObject }),
    ),
  );
}
