import { PolicyCatalog } from '@complaints/policy-catalog';
import { EntityManager } from '@mikro-orm/postgresql';
import { Module } from '@nestjs/common';
import { CLOCK, Clock } from '../timers';
import { RunWhatIf } from './run-what-if';
import { SqlComplaintsToReplay } from './sql-complaints-to-replay';
import { WhatIfHandlers } from './what-if.handlers';

/** What-if replays of past complaints under a draft policy: read-only over the clocks' tables. */
@Module({
  controllers: [WhatIfHandlers],
  providers: [
    {
      provide: RunWhatIf,
      useFactory: (em: EntityManager, catalog: PolicyCatalog, clock: Clock) =>
        new RunWhatIf(em, new SqlComplaintsToReplay(), catalog.registry, clock),
      inject: [EntityManager, PolicyCatalog, CLOCK],
    },
  ],
})
export class WhatIfModule {}
