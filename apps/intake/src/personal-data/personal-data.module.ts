import { SERVICE_CONFIG } from '@complaints/runtime';
import { Module } from '@nestjs/common';
import { IDEMPOTENCY_TTL_HOURS } from '../idempotency/idempotency-ttl';
import { IntakeConfig } from '../intake-config';
import { PersonalDataCipher } from '@complaints/persistence';

/** The encryption key ring and the idempotency retention, from intake's configuration. */
@Module({
  providers: [
    { provide: PersonalDataCipher, useFactory: (config: IntakeConfig) => new PersonalDataCipher(config.piiKeys), inject: [SERVICE_CONFIG] },
    { provide: IDEMPOTENCY_TTL_HOURS, useFactory: (config: IntakeConfig) => config.idempotencyTtlHours, inject: [SERVICE_CONFIG] },
  ],
  exports: [PersonalDataCipher, IDEMPOTENCY_TTL_HOURS],
})
export class PersonalDataModule {}
