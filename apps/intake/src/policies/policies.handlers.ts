import {
  BusinessTimeRequest,
  BusinessTimeView,
  ClockPlanView,
  GetPolicyRequest,
  ListPoliciesRequest,
  PolicyListView,
  PolicyRequests,
  PublishPolicyRequest,
  PublishedPolicyView,
  SimulatePolicyRequest,
} from '@complaints/contracts';
import { Answers } from '@complaints/messaging';
import { Controller } from '@nestjs/common';
import { MeasureBusinessTime } from './measure-business-time';
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
    private readonly measureBusinessTime: MeasureBusinessTime,
  ) {}

  @Answers(PolicyRequests.listPolicies)
  async list(request: ListPoliciesRequest): Promise<PolicyListView> {
    return this.readPolicies.list(request.principal);
  }

  @Answers(PolicyRequests.getPolicy)
  async get(request: GetPolicyRequest): Promise<Json> {
    return asJson(this.readPolicies.get(request));
  }

  @Answers(PolicyRequests.publishPolicy)
  async publish(request: PublishPolicyRequest): Promise<PublishedPolicyView> {
    const result = await this.publishPolicy.execute(request);
    return { outcome: result.outcome, policy: asJson(result.policy) };
  }

  @Answers(PolicyRequests.simulatePolicy)
  async simulate(request: SimulatePolicyRequest): Promise<ClockPlanView> {
    // The plan's JSON form and the wire schema describe the same shape from two libraries.
    return this.simulatePolicy.execute(request) as unknown as ClockPlanView;
  }

  @Answers(PolicyRequests.businessTime)
  async businessTime(request: BusinessTimeRequest): Promise<BusinessTimeView> {
    return this.measureBusinessTime.execute(request);
  }
}

function asJson(document: object): Json {
  return document as Json;
}
