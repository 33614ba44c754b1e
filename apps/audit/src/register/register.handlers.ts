import {
  AuditEntryPage,
  AuditRequests,
  CheckpointPage,
  ComplaintAuditEntries,
  ComplaintAuditEntriesRequest,
  ConsistencyProofRequest,
  ConsistencyProofView,
  InclusionProofRequest,
  InclusionProofView,
  ListAuditEntriesRequest,
  ListCheckpointsRequest,
  RegisterCheckpoint,
  RegisterPublicKey,
  RegisterVerification,
  VerifyRegisterRequest,
} from '@complaints/contracts';
import { Answers } from '@complaints/messaging';
import { Controller } from '@nestjs/common';
import { ComplaintEntries } from './complaint-entries';
import { LatestCheckpoint } from './latest-checkpoint';
import { ListCheckpoints } from './list-checkpoints';
import { ListEntries } from './list-entries';
import { ProveConsistency } from './prove-consistency';
import { ProveInclusion } from './prove-inclusion';
import { RegisterPublicKeyQuery } from './register-public-key';
import { VerifyRegister } from './verify-register';

/** The register's request-reply entry points, for auditors through the gateway: each calls one use case. */
@Controller()
export class RegisterHandlers {
  constructor(
    private readonly listEntries: ListEntries,
    private readonly complaintEntries: ComplaintEntries,
    private readonly latestCheckpoint: LatestCheckpoint,
    private readonly listCheckpoints: ListCheckpoints,
    private readonly publicKey: RegisterPublicKeyQuery,
    private readonly proveInclusion: ProveInclusion,
    private readonly proveConsistency: ProveConsistency,
    private readonly verifyRegister: VerifyRegister,
  ) {}

  @Answers(AuditRequests.listEntries)
  entries(request: ListAuditEntriesRequest): Promise<AuditEntryPage> {
    return this.listEntries.execute(request);
  }

  @Answers(AuditRequests.complaintEntries)
  complaint(request: ComplaintAuditEntriesRequest): Promise<ComplaintAuditEntries> {
    return this.complaintEntries.execute(request);
  }

  @Answers(AuditRequests.latestCheckpoint)
  checkpoint(): Promise<RegisterCheckpoint> {
    return this.latestCheckpoint.execute();
  }

  @Answers(AuditRequests.listCheckpoints)
  checkpoints(request: ListCheckpointsRequest): Promise<CheckpointPage> {
    return this.listCheckpoints.execute(request);
  }

  @Answers(AuditRequests.publicKey)
  key(): Promise<RegisterPublicKey> {
    return Promise.resolve(this.publicKey.execute());
  }

  @Answers(AuditRequests.inclusionProof)
  inclusion(request: InclusionProofRequest): Promise<InclusionProofView> {
    return this.proveInclusion.execute(request);
  }

  @Answers(AuditRequests.consistencyProof)
  consistency(request: ConsistencyProofRequest): Promise<ConsistencyProofView> {
    return this.proveConsistency.execute(request);
  }

  @Answers(AuditRequests.verify)
  verify(request: VerifyRegisterRequest): Promise<RegisterVerification> {
    return this.verifyRegister.execute(request);
  }
}
