import { Module } from '@nestjs/common';
import { PersonalDataCipher } from '../personal-data/personal-data-cipher';
import { PersonalDataModule } from '../personal-data/personal-data.module';
import { ComplaintHistory } from './complaint-history';

/** The complaint history, for every module that writes or reads a complaint's timeline. */
@Module({
  imports: [PersonalDataModule],
  providers: [
    {
      provide: ComplaintHistory,
      useFactory: (cipher: PersonalDataCipher) => new ComplaintHistory(cipher),
      inject: [PersonalDataCipher],
    },
  ],
  exports: [ComplaintHistory],
})
export class ComplaintHistoryModule {}
