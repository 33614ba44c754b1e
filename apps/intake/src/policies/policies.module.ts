import { Module } from '@nestjs/common';
import { MeasureBusinessTime } from './measure-business-time';
import { PoliciesHandlers } from './policies.handlers';
import { PublishPolicy } from './publish-policy';
import { PublishedPoliciesLoader } from './published-policies-loader';
import { ReadPolicies } from './read-policies';
import { SimulatePolicy } from './simulate-policy';

@Module({
  controllers: [PoliciesHandlers],
  providers: [ReadPolicies, PublishPolicy, SimulatePolicy, MeasureBusinessTime, PublishedPoliciesLoader],
})
export class PoliciesModule {}
