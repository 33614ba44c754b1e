import {
  ComplaintNotifications,
  NotificationRequests,
  NotificationView,
  complaintNotificationsSchema,
  notificationViewSchema,
} from '@complaints/contracts';
import { Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { Principal } from '../auth/principal';
import { CurrentPrincipal, Roles } from '../auth/roles.decorator';
import { complaintIdParamSchema } from '../complaints/complaint-queries';
import { ServiceRequester } from '../intake/service-requester';
import { ApiProblemResponses } from '../openapi/problem-responses';
import { ApiZodPathParams, ApiZodResponse } from '../openapi/zod-openapi';
import { parseRequest } from '../problems/parse-request';

const deliveryParamSchema = complaintIdParamSchema.extend({
  deliveryId: z.uuid({ error: 'must be a notification id (UUID)' }),
});

/** The messages sent about a complaint, as the notifications service delivers them. */
@Controller('v1/complaints')
@UseGuards(ApiKeyGuard)
@ApiTags('complaints')
export class ComplaintNotificationsController {
  constructor(private readonly services: ServiceRequester) {}

  @Get(':id/notifications')
  @Roles('agent', 'admin')
  @ApiOperation({ operationId: 'listComplaintNotifications', summary: "List a complaint's notifications" })
  @ApiZodPathParams(complaintIdParamSchema)
  @ApiZodResponse(
    200,
    'Every message to the customer or a team about the complaint, oldest first: type, channel, language, status, attempts, when it was sent and why the last attempt failed (never its address or text)',
    complaintNotificationsSchema,
  )
  @ApiProblemResponses(404)
  list(@Param() params: unknown, @CurrentPrincipal() principal: Principal): Promise<ComplaintNotifications> {
    const { id } = parseRequest(complaintIdParamSchema, params, 'path');
    return this.services.request(NotificationRequests.listNotifications, { principal, complaintId: id });
  }

  @Post(':id/notifications/:deliveryId/retry')
  @HttpCode(202)
  @Roles('admin')
  @ApiOperation({ operationId: 'retryComplaintNotification', summary: 'Retry a dead notification' })
  @ApiZodPathParams(deliveryParamSchema)
  @ApiZodResponse(202, 'The notification, pending again with a fresh retry schedule; its first attempt is made at once', notificationViewSchema)
  @ApiProblemResponses(404, 409)
  retry(@Param() params: unknown, @CurrentPrincipal() principal: Principal): Promise<NotificationView> {
    const { id, deliveryId } = parseRequest(deliveryParamSchema, params, 'path');
    return this.services.request(NotificationRequests.retryNotification, { principal, complaintId: id, deliveryId });
  }
}
