import { Module } from '@nestjs/common';
import { ComplaintStoreModule } from '../complaints/complaint-store.module';
import { PersonalDataModule } from '../personal-data/personal-data.module';
import { ContactReadsHandlers } from './contact-reads.handlers';
import { GetCustomerContact } from './get-customer-contact';

@Module({
  imports: [PersonalDataModule, ComplaintStoreModule],
  controllers: [ContactReadsHandlers],
  providers: [GetCustomerContact],
})
export class ContactReadsModule {}
