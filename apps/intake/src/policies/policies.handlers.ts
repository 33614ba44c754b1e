import {
  ClockPlanView,
  POLICY_PATTERNS,
  PolicySummaryView,
  RpcResult,
  getPolicyRequestSchema,
  listPoliciesRequestSchema,
  publishPolicyRequestSchema,
  simulatePolicyRequestSchema,
} from '@complaints/contracts';
import { SERVICE_LOGGER, answerRequest } from '@complaints/runtime';
import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Logger } from 'pino';
import { PublishPolicy } from './publish-policy';
import { ReadPolicies } from './read-policies';
import { SimulatePolicy } from './simulate-policy';

type Json = Record<string, unknown>;

/** The policy registry's request-reply entry points. Documents travel as plain JSON. */
@Controller()
export class PoliciesHandlers {
  constructor(
    private readonly readPolicies: ReadPolicies,
    private readonly publishPolicy: PublishPolicy,
    private readonly simulatePolicy: SimulatePolicy,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  @MessagePattern(POLICY_PATTERNS.list)
  list(@Payload() payload: unknown): Promise<RpcResult<{ items: PolicySummaryView[] }>> {
    return answerRequest(listPoliciesRequestSchema, payload, async () => this.readPolicies.list(), this.logger);
  }

  @MessagePattern(POLICY_PATTERNS.get)
  get(@Payload() payload: unknown): Promise<RpcResult<Json>> {
    return answerRequest(getPolicyRequestSchema, payload, async (request) => asJson(this.readPolicies.get(request)), this.logger);
  }

  @MessagePattern(POLICY_PATTERNS.publish)
  publish(@Payload() payload: unknown): Promise<RpcResult<{ outcome: 'published' | 'unchanged'; policy: Json }>> {
    return answerRequest(
      publishPolicyRequestSchema,
      payload,
      async (request) => {
        const result = await this.publishPolicy.execute(request);
        return { outcome: result.outcome, policy: asJson(result.policy) };
      },
      this.logger,
    );
  }

  @MessagePattern(POLICY_PATTERNS.simulate)
  simulate(@Payload() payload: unknown): Promise<RpcResult<ClockPlanView>> {
    return answerRequest(
      simulatePolicyRequestSchema,
      payload,
      async (request) => this.simulatePolicy.execute(request) as unknown as ClockPlanView,
      this.logger,
    );
  }
}

function asJson(document: object): Json {
  return document as Json;
}
