import {
  ComplaintView,
  CustomerDataExport,
  DataRightsRequests,
  ErasePersonalDataRequest,
  ErasureReport,
  ExportCustomerDataRequest,
  SetLegalHoldRequest,
} from '@complaints/contracts';
import { Answers } from '@complaints/messaging';
import { Controller } from '@nestjs/common';
import { ErasePersonalData } from './erase-personal-data';
import { ExportCustomerData } from './export-customer-data';
import { SetLegalHold } from './set-legal-hold';

/** Customers' data rights, exercised by their organisation's admins. */
@Controller()
export class DataRightsHandlers {
  constructor(
    private readonly exportCustomerData: ExportCustomerData,
    private readonly erasePersonalData: ErasePersonalData,
    private readonly setLegalHold: SetLegalHold,
  ) {}

  @Answers(DataRightsRequests.exportCustomerData)
  export(request: ExportCustomerDataRequest): Promise<CustomerDataExport> {
    return this.exportCustomerData.execute(request);
  }

  @Answers(DataRightsRequests.erasePersonalData)
  erase(request: ErasePersonalDataRequest): Promise<ErasureReport> {
    return this.erasePersonalData.execute(request);
  }

  @Answers(DataRightsRequests.setLegalHold)
  legalHold(request: SetLegalHoldRequest): Promise<ComplaintView> {
    return this.setLegalHold.execute(request);
  }
}
