import { Module } from '@nestjs/common';
import { DISPUTE_TRACKS } from './dispute-track';
import { RecordDisputeTierChange } from './record-dispute-tier-change';
import { SqlDisputeTrackRepository } from './sql-dispute-track.repository';

/** The dispute track each complaint has beside its ladder; complaint events drive it. */
@Module({
  providers: [{ provide: DISPUTE_TRACKS, useClass: SqlDisputeTrackRepository }, RecordDisputeTierChange],
  exports: [RecordDisputeTierChange],
})
export class DisputesModule {}
