import {
  RegisteredWebhookEndpoint,
  WebhookDeliveryView,
  WebhookEndpointPage,
  WebhookEndpointView,
  WebhookRequests,
  registeredWebhookEndpointSchema,
  webhookDeliveryViewSchema,
  webhookEndpointBodySchema,
  webhookEndpointPageSchema,
  webhookEndpointViewSchema,
} from '@complaints/contracts';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { Principal } from '../auth/principal';
import { CurrentPrincipal, Roles } from '../auth/roles.decorator';
import { ServiceRequester } from '../intake/service-requester';
import { ApiProblemResponses } from '../openapi/problem-responses';
import { ApiZodBody, ApiZodPathParams, ApiZodQueryParams, ApiZodResponse } from '../openapi/zod-openapi';
import { parseRequest } from '../problems/parse-request';
import { listWebhookDeliveriesQuerySchema, listWebhooksQuerySchema, webhookDeliveryParamsSchema, webhookIdParamSchema } from './webhook-queries';

/**
 * Webhook endpoints, signed per the Standard Webhooks specification, for admins. The
 * notifications service owns them and checks the caller itself: an organisation's admin sees
 * and manages only its own organisation's endpoints (ADR 0071).
 */
@Controller('v1/webhooks')
@UseGuards(ApiKeyGuard)
@ApiTags('webhooks')
export class WebhooksController {
  constructor(private readonly services: ServiceRequester) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ operationId: 'registerWebhook', summary: 'Register a webhook endpoint' })
  @ApiZodBody(webhookEndpointBodySchema)
  @ApiZodResponse(
    201,
    'Registered; `secret` signs every delivery and is shown only now. `Location` names the endpoint',
    registeredWebhookEndpointSchema,
  )
  @ApiProblemResponses(422)
  async register(
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RegisteredWebhookEndpoint> {
    const endpoint = parseRequest(webhookEndpointBodySchema, body);
    const registered = await this.services.request(WebhookRequests.register, { principal, endpoint });
    response.location(`/v1/webhooks/${registered.id}`);
    return registered;
  }

  @Get()
  @Roles('admin')
  @ApiOperation({ operationId: 'listWebhooks', summary: 'List webhook endpoints' })
  @ApiZodQueryParams(listWebhooksQuerySchema)
  @ApiZodResponse(200, 'One page of endpoints, oldest first, without secrets; pass `nextCursor` as `cursor` for the next', webhookEndpointPageSchema)
  @ApiProblemResponses(422)
  list(@Query() query: unknown, @CurrentPrincipal() principal: Principal): Promise<WebhookEndpointPage> {
    const { cursor, limit } = parseRequest(listWebhooksQuerySchema, query, 'query');
    return this.services.request(WebhookRequests.list, { principal, cursor, limit });
  }

  @Get(':id')
  @Roles('admin')
  @ApiOperation({ operationId: 'getWebhook', summary: 'Get a webhook endpoint' })
  @ApiZodPathParams(webhookIdParamSchema)
  @ApiZodResponse(200, 'The endpoint, without its secret', webhookEndpointViewSchema)
  @ApiProblemResponses(404)
  get(@Param() params: unknown, @CurrentPrincipal() principal: Principal): Promise<WebhookEndpointView> {
    const { id } = parseRequest(webhookIdParamSchema, params, 'path');
    return this.services.request(WebhookRequests.get, { principal, endpointId: id });
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('admin')
  @ApiOperation({ operationId: 'deleteWebhook', summary: 'Delete a webhook endpoint' })
  @ApiZodPathParams(webhookIdParamSchema)
  @ApiResponse({ status: 204, description: 'Deleted with its secret; deliveries not made yet are never made' })
  @ApiProblemResponses(404)
  async delete(@Param() params: unknown, @CurrentPrincipal() principal: Principal): Promise<void> {
    const { id } = parseRequest(webhookIdParamSchema, params, 'path');
    await this.services.request(WebhookRequests.delete, { principal, endpointId: id });
  }

  @Get(':id/deliveries')
  @Roles('admin')
  @ApiOperation({ operationId: 'listWebhookDeliveries', summary: "List a webhook endpoint's recent deliveries" })
  @ApiZodPathParams(webhookIdParamSchema)
  @ApiZodQueryParams(listWebhookDeliveriesQuerySchema)
  @ApiZodResponse(
    200,
    'The newest deliveries: status (pending, delivered, dead), attempts, the next attempt and the last error',
    z.strictObject({ items: z.array(webhookDeliveryViewSchema) }),
  )
  @ApiProblemResponses(404)
  deliveries(
    @Param() params: unknown,
    @Query() query: unknown,
    @CurrentPrincipal() principal: Principal,
  ): Promise<{ items: WebhookDeliveryView[] }> {
    const { id } = parseRequest(webhookIdParamSchema, params, 'path');
    const { limit } = parseRequest(listWebhookDeliveriesQuerySchema, query, 'query');
    return this.services.request(WebhookRequests.deliveries, { principal, endpointId: id, limit });
  }

  @Post(':id/deliveries/:deliveryId/retry')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ operationId: 'retryWebhookDelivery', summary: 'Send a dead webhook delivery again' })
  @ApiZodPathParams(webhookDeliveryParamsSchema)
  @ApiZodResponse(200, 'The delivery, pending again with a fresh retry schedule; its first attempt is made at once', webhookDeliveryViewSchema)
  @ApiProblemResponses(404, 409)
  retryDelivery(@Param() params: unknown, @CurrentPrincipal() principal: Principal): Promise<WebhookDeliveryView> {
    const { id, deliveryId } = parseRequest(webhookDeliveryParamsSchema, params, 'path');
    return this.services.request(WebhookRequests.retryDelivery, { principal, endpointId: id, deliveryId });
  }
}
