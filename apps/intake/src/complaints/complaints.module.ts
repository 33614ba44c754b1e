import { Module } from '@nestjs/common';
import { ComplaintsHandlers } from './complaints.handlers';
import { GetComplaint } from './get-complaint';
import { SubmitComplaint } from './submit-complaint';

@Module({
  controllers: [ComplaintsHandlers],
  providers: [SubmitComplaint, GetComplaint],
})
export class ComplaintsModule {}
