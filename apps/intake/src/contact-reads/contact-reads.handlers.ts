import { CustomerContactReply, GetCustomerContactRequest, IntakeRequests } from '@complaints/contracts';
import { Answers } from '@complaints/messaging';
import { Controller } from '@nestjs/common';
import { GetCustomerContact } from './get-customer-contact';

/** Other services' reads of a customer's contact data, at the moment they use it. */
@Controller()
export class ContactReadsHandlers {
  constructor(private readonly getCustomerContact: GetCustomerContact) {}

  @Answers(IntakeRequests.getCustomerContact)
  contact(request: GetCustomerContactRequest): Promise<CustomerContactReply> {
    return this.getCustomerContact.execute(request);
  }
}
