import { Migration0001Initial } from './migration-0001-initial';
import { Migration0002Timers } from './migration-0002-timers';
import { Migration0003Clocks } from './migration-0003-clocks';
import { Migration0004EndedTimersIndex } from './migration-0004-ended-timers-index';
import { Migration0005ClockBusinessTimeAndReport } from './migration-0005-clock-business-time-and-report';
import { Migration0006ComplaintEvents } from './migration-0006-complaint-events';
import { Migration0007ComplaintsPolicyReceivedIndex } from './migration-0007-complaints-policy-received-index';
import { Migration0008SlaReportDays } from './migration-0008-sla-report-days';

export const SLA_MIGRATIONS = [
  Migration0001Initial,
  Migration0002Timers,
  Migration0003Clocks,
  Migration0004EndedTimersIndex,
  Migration0005ClockBusinessTimeAndReport,
  Migration0006ComplaintEvents,
  Migration0007ComplaintsPolicyReceivedIndex,
  Migration0008SlaReportDays,
];
