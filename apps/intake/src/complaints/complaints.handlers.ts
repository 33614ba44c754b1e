import {
  ComplaintPage,
  ComplaintTimeline,
  ComplaintView,
  GetComplaintRequest,
  GetComplaintTimelineRequest,
  IntakeRequests,
  LifecycleCommandRequest,
  ListComplaintsRequest,
  SubmitComplaintRequest,
  SubmittedComplaint,
} from '@complaints/contracts';
import { Answers } from '@complaints/messaging';
import { Controller } from '@nestjs/common';
import { ApplyLifecycleCommand } from './apply-lifecycle-command';
import { GetComplaint } from './get-complaint';
import { GetComplaintTimeline } from './get-complaint-timeline';
import { ListComplaints } from './list-complaints';
import { SubmitComplaint } from './submit-complaint';

/** Intake's request-reply entry points: each calls one use case. */
@Controller()
export class ComplaintsHandlers {
  constructor(
    private readonly submitComplaint: SubmitComplaint,
    private readonly getComplaint: GetComplaint,
    private readonly applyLifecycleCommand: ApplyLifecycleCommand,
    private readonly listComplaints: ListComplaints,
    private readonly getComplaintTimeline: GetComplaintTimeline,
  ) {}

  @Answers(IntakeRequests.submitComplaint)
  submit(request: SubmitComplaintRequest): Promise<SubmittedComplaint> {
    return this.submitComplaint.execute(request);
  }

  @Answers(IntakeRequests.getComplaint)
  get(request: GetComplaintRequest): Promise<ComplaintView> {
    return this.getComplaint.execute(request);
  }

  @Answers(IntakeRequests.applyLifecycleCommand)
  command(request: LifecycleCommandRequest): Promise<ComplaintView> {
    return this.applyLifecycleCommand.execute(request);
  }

  @Answers(IntakeRequests.listComplaints)
  list(request: ListComplaintsRequest): Promise<ComplaintPage> {
    return this.listComplaints.execute(request);
  }

  @Answers(IntakeRequests.getComplaintTimeline)
  timeline(request: GetComplaintTimelineRequest): Promise<ComplaintTimeline> {
    return this.getComplaintTimeline.execute(request);
  }
}
