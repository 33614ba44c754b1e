import { Module } from '@nestjs/common';
import { PayloadRetentionSweep } from './payload-retention-sweep';
import { PurgeExpiredPayloads } from './purge-expired-payloads';
import { TrackRetention } from './track-retention';

/** The register's retention: each complaint's record kept in step with its entries, and the purge of expired payloads. */
@Module({
  providers: [TrackRetention, PurgeExpiredPayloads, PayloadRetentionSweep],
  exports: [TrackRetention],
})
export class RetentionModule {}
