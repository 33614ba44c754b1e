import { Module } from '@nestjs/common';
import { PersonalDataModule } from '../personal-data/personal-data.module';
import { ApplyLifecycleCommand } from './apply-lifecycle-command';
import { ComplaintStoreModule } from './complaint-store.module';
import { ComplaintsHandlers } from './complaints.handlers';
import { GetComplaint } from './get-complaint';
import { GetComplaintTimeline } from './get-complaint-timeline';
import { ListComplaints } from './list-complaints';
import { SubmitComplaint } from './submit-complaint';
import { IdempotencyKeyPurge } from '../idempotency/idempotency-key-purge';
import { IdempotencyStore } from '../idempotency/idempotency-store';
import { ReferenceAllocator } from '../references/reference-allocator';

@Module({
  imports: [PersonalDataModule, ComplaintStoreModule],
  controllers: [ComplaintsHandlers],
  providers: [
    SubmitComplaint,
    GetComplaint,
    ApplyLifecycleCommand,
    ListComplaints,
    GetComplaintTimeline,
    ReferenceAllocator,
    IdempotencyStore,
    IdempotencyKeyPurge,
  ],
})
export class ComplaintsModule {}
