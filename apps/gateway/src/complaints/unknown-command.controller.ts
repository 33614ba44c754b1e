import { LIFECYCLE_ROUTE_SEGMENTS } from '@complaints/contracts';
import { Controller, Param, Post, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { Roles } from '../auth/roles.decorator';
import { ProblemError } from '../problems/problem-error';
import { parseRequest } from '../problems/parse-request';
import { lifecycleParamSchema } from './complaint-queries';

/**
 * `POST /v1/complaints/:id/<not a command>`: a 404 problem naming the commands there are,
 * where the router's own 404 would only say "Cannot POST". It matches every command path,
 * so it must be registered after the command routes (last in AppModule's controllers); it is
 * not an operation, so the API description leaves it out.
 */
@Controller('v1/complaints')
@UseGuards(ApiKeyGuard)
@ApiExcludeController()
export class UnknownCommandController {
  @Post(':id/:action')
  @Roles('agent')
  refuse(@Param() params: unknown): never {
    const { action } = parseRequest(lifecycleParamSchema, params, 'path');
    throw new ProblemError(404, 'not-found', 'Not found', `there is no complaint command "${action}"`, [
      { field: 'action', message: `must be one of ${LIFECYCLE_ROUTE_SEGMENTS.join(', ')}` },
    ]);
  }
}
