import { DeadLetterPage, DeadLetterReplay, deadLetterPageSchema, deadLetterReplaySchema } from '@complaints/contracts';
import { Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { Principal } from '../auth/principal';
import { CurrentPrincipal, Roles } from '../auth/roles.decorator';
import { ApiProblemResponses } from '../openapi/problem-responses';
import { ApiZodPathParams, ApiZodQueryParams, ApiZodResponse } from '../openapi/zod-openapi';
import { parseRequest } from '../problems/parse-request';
import { DeadLetterAdministration } from './dead-letter-administration';
import { deadLetterSeqParamSchema, listDeadLettersQuerySchema } from './dead-letter-queries';

/** Events a consumer gave up on, for the platform's admins to read and replay once the cause is fixed (ADR 0008). */
@Controller('v1/admin/dead-letters')
@UseGuards(ApiKeyGuard)
@ApiTags('admin')
export class DeadLettersController {
  constructor(private readonly deadLetters: DeadLetterAdministration) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ operationId: 'listDeadLetters', summary: 'List dead letters in stream order (platform admins)' })
  @ApiZodQueryParams(listDeadLettersQuerySchema)
  @ApiZodResponse(
    200,
    "One page of dead letters: the consumer that gave up, why, and the event's id, type and time (never its data); pass `nextCursor` as `cursor` for the next",
    deadLetterPageSchema,
  )
  @ApiProblemResponses(404)
  list(@Query() query: unknown, @CurrentPrincipal() principal: Principal): Promise<DeadLetterPage> {
    return this.deadLetters.list(principal, parseRequest(listDeadLettersQuerySchema, query, 'query'));
  }

  @Post(':seq/replay')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    operationId: 'replayDeadLetter',
    summary: 'Hand a dead letter to its consumer again (platform admins)',
  })
  @ApiZodPathParams(deadLetterSeqParamSchema)
  @ApiZodResponse(
    200,
    'The consumer handled the event now (`processed`) or had already (`duplicate`); the dead letter is gone either way',
    deadLetterReplaySchema,
  )
  @ApiProblemResponses(404, 409)
  replay(@Param() params: unknown, @CurrentPrincipal() principal: Principal): Promise<DeadLetterReplay> {
    const { seq } = parseRequest(deadLetterSeqParamSchema, params, 'path');
    return this.deadLetters.replay(principal, seq);
  }
}
