import { Module } from '@nestjs/common';
import { ComplaintStoreModule } from '../complaints/complaint-store.module';
import { PersonalDataModule } from '../personal-data/personal-data.module';
import { DataRightsHandlers } from './data-rights.handlers';
import { ErasePersonalData } from './erase-personal-data';
import { EraseComplaintData } from './erase-complaint-data';
import { ExportCustomerData } from './export-customer-data';
import { RetentionErasure } from './retention-erasure';
import { RetentionSweep } from './retention-sweep';
import { SetLegalHold } from './set-legal-hold';

/** Customers' data rights (export, erasure), legal holds, and erasure when retention ends. */
@Module({
  imports: [PersonalDataModule, ComplaintStoreModule],
  controllers: [DataRightsHandlers],
  providers: [EraseComplaintData, ErasePersonalData, ExportCustomerData, SetLegalHold, RetentionErasure, RetentionSweep],
})
export class DataRightsModule {}
