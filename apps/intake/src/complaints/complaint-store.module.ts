import { Module } from '@nestjs/common';
import { ComplaintDataKeys } from '../personal-data/complaint-data-keys';
import { PersonalDataModule } from '../personal-data/personal-data.module';
import { ComplaintChanges } from './complaint-changes';
import { ComplaintHistory } from './complaint-history';
import { COMPLAINT_REPOSITORY } from './complaint.repository';
import { SqlComplaintRepository } from './sql-complaint.repository';

/** The complaints, their history and the commit step that changes both, for every module that reads or changes a complaint. */
@Module({
  imports: [PersonalDataModule],
  providers: [
    {
      provide: ComplaintHistory,
      useFactory: (keys: ComplaintDataKeys) => new ComplaintHistory(keys),
      inject: [ComplaintDataKeys],
    },
    { provide: COMPLAINT_REPOSITORY, useValue: new SqlComplaintRepository() },
    ComplaintChanges,
  ],
  exports: [ComplaintHistory, COMPLAINT_REPOSITORY, ComplaintChanges],
})
export class ComplaintStoreModule {}
