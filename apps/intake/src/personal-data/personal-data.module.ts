import { PersonalDataCipher } from '@complaints/persistence';
import { SERVICE_CONFIG } from '@complaints/runtime';
import { Module } from '@nestjs/common';
import { IDEMPOTENCY_TTL_HOURS } from '../idempotency/idempotency-ttl';
import { IntakeConfig } from '../intake-config';
import { ComplaintDataKeys } from './complaint-data-keys';
import { CustomerLookup } from './customer-lookup';

/** The encryption key ring, what is built on it, and the idempotency retention, from intake's configuration. */
@Module({
  providers: [
    { provide: PersonalDataCipher, useFactory: (config: IntakeConfig) => new PersonalDataCipher(config.piiKeys), inject: [SERVICE_CONFIG] },
    { provide: ComplaintDataKeys, useFactory: (ring: PersonalDataCipher) => new ComplaintDataKeys(ring), inject: [PersonalDataCipher] },
    { provide: CustomerLookup, useFactory: (config: IntakeConfig) => new CustomerLookup(config.piiKeys), inject: [SERVICE_CONFIG] },
    { provide: IDEMPOTENCY_TTL_HOURS, useFactory: (config: IntakeConfig) => config.idempotencyTtlHours, inject: [SERVICE_CONFIG] },
  ],
  exports: [ComplaintDataKeys, CustomerLookup, IDEMPOTENCY_TTL_HOURS],
})
export class PersonalDataModule {}
