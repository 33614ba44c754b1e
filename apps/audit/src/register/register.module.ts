import { PolicyCatalog } from '@complaints/policy-catalog';
import { ORGANISATION_OF_POLICY, OrganisationOfPolicy } from './entry-visibility';
import { EventConsumerHost } from '@complaints/messaging';
import { DynamicModule, Injectable, Module, OnModuleInit } from '@nestjs/common';
import { RegisterSettings } from '../audit-config';
import { AppendEvents } from './append-events';
import { CHECKPOINT_STORE } from './checkpoint-store';
import { CheckpointScheduler } from './checkpoint-scheduler';
import { ComplaintEntries } from './complaint-entries';
import { LatestCheckpoint } from './latest-checkpoint';
import { ListCheckpoints } from './list-checkpoints';
import { ListEntries } from './list-entries';
import { ProveConsistency } from './prove-consistency';
import { ProofTreeSize } from './proof-tree-size';
import { ProveInclusion } from './prove-inclusion';
import { registerEventsConsumers } from './register-events.consumer';
import { RegisterPublicKeyQuery } from './register-public-key';
import { REGISTER_READER } from './register-reader';
import { REGISTER_SETTINGS } from './register-settings';
import { REGISTER_WRITER } from './register-writer';
import { RegisterHandlers } from './register.handlers';
import { SignCheckpoint } from './sign-checkpoint';
import { SqlCheckpointsRepository } from './sql-checkpoints.repository';
import { SqlRegisterReader } from './sql-register-reader.repository';
import { SqlRegisterWriter } from './sql-register-writer.repository';
import { SqlTreeNodesRepository } from './sql-tree-nodes.repository';
import { TREE_NODE_STORE } from './tree-node-store';
import { VerifyRegister } from './verify-register';
import { RetentionModule } from '../retention/retention.module';
import { TrackRetention } from '../retention/track-retention';

/** Registers one consumer per stream before messaging starts; each append may prompt a checkpoint. */
@Injectable()
class RegisterConsumers implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumerHost,
    private readonly appendEvents: AppendEvents,
    private readonly scheduler: CheckpointScheduler,
    private readonly trackRetention: TrackRetention,
  ) {}

  onModuleInit(): void {
    for (const consumer of registerEventsConsumers(this.appendEvents, this.trackRetention, (size) => this.scheduler.appended(size))) {
      this.consumers.register(consumer);
    }
  }
}

/** The audit register: every event appended to one hash chain and Merkle tree, signed checkpoints, auditor queries. */
@Module({})
export class RegisterModule {
  static forRoot(settings: RegisterSettings): DynamicModule {
    return {
      module: RegisterModule,
      imports: [RetentionModule],
      controllers: [RegisterHandlers],
      providers: [
        { provide: REGISTER_SETTINGS, useValue: settings },
        { provide: REGISTER_WRITER, useClass: SqlRegisterWriter },
        { provide: REGISTER_READER, useClass: SqlRegisterReader },
        { provide: TREE_NODE_STORE, useClass: SqlTreeNodesRepository },
        { provide: CHECKPOINT_STORE, useClass: SqlCheckpointsRepository },
        {
          provide: ORGANISATION_OF_POLICY,
          useFactory: (catalog: PolicyCatalog): OrganisationOfPolicy => (policyId) =>
            policyId !== null && catalog.registry.has(policyId) ? (catalog.registry.require(policyId).organisationId ?? null) : null,
          inject: [PolicyCatalog],
        },
        AppendEvents,
        SignCheckpoint,
        CheckpointScheduler,
        RegisterConsumers,
        ListEntries,
        ComplaintEntries,
        LatestCheckpoint,
        ListCheckpoints,
        RegisterPublicKeyQuery,
        ProofTreeSize,
        ProveInclusion,
        ProveConsistency,
        VerifyRegister,
      ],
    };
  }
}
