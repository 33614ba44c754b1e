import { ConsumerProgress } from '@complaints/messaging';
import { Counter, metrics } from '@opentelemetry/api';
import { Logger } from 'pino';
import { BreachWatermarkSettings } from '../sla-config';
import { TimerHold } from '../timers';
import { KnownProgress, decideBreach } from './breach-watermark';

/** How far sla's complaint-events consumer has got through COMPLAINTS (JetStream: `EventConsumerHost.progressOf`). */
export interface ComplaintEventsWatermark {
  read(): Promise<ConsumerProgress>;
}

/**
 * `sla_breach_deferrals_total{metric}`: breaches put off because events stored before their
 * deadline were still unprocessed; `sla_breaches_unconfirmed_total{metric}`: breaches declared
 * after the longest wait without that certainty.
 */
const meter = metrics.getMeter('sla');
const deferrals: Counter = meter.createCounter('sla_breach_deferrals_total', {
  description: 'Breach timers put off until sla has processed the complaint events stored before their deadline',
});
const unconfirmed: Counter = meter.createCounter('sla_breaches_unconfirmed_total', {
  description: 'Breaches declared after the longest deferral while complaint events stored before the deadline were unprocessed',
});

/**
 * Holds `clock_breach` timers back until sla has processed every complaint event stored before
 * their deadline (`decideBreach`). One reading of the consumer's progress serves a whole claim.
 */
export class BreachWatermarkHold {
  constructor(
    private readonly watermark: ComplaintEventsWatermark,
    private readonly settings: BreachWatermarkSettings,
    private readonly logger: Pick<Logger, 'info' | 'warn'>,
  ) {}

  readonly hold: TimerHold = async (timers, now) => {
    const progress = await this.progress();
    const held = new Map<string, Date>();
    const declaredUnconfirmed: string[] = [];
    for (const timer of timers) {
      const verdict = decideBreach(timer.dueAt, now, progress, this.settings.maxDeferMs);
      if (verdict.kind === 'defer') {
        held.set(timer.id, verdict.recheckAt);
        deferrals.add(1, { metric: timer.subjectKey });
      } else if (verdict.kind === 'declare_unconfirmed') {
        declaredUnconfirmed.push(timer.id);
        unconfirmed.add(1, { metric: timer.subjectKey });
      }
    }
    // One line per claim, not per timer: a backlog at close of business defers thousands at once.
    if (held.size > 0) {
      this.logger.info(
        // A claim comes in due order: the first held timer is the most overdue.
        { deferred: held.size, progress, earliestDueAt: timers.find((timer) => held.has(timer.id))?.dueAt },
        'breaches deferred: complaint events stored before their deadlines are not processed yet',
      );
    }
    if (declaredUnconfirmed.length > 0) {
      this.logger.warn(
        { timerIds: declaredUnconfirmed, progress, maxDeferMs: this.settings.maxDeferMs },
        'breaches declared after the longest deferral, with complaint events stored before their deadlines unprocessed',
      );
    }
    return held;
  };

  private async progress(): Promise<KnownProgress> {
    try {
      return await this.watermark.read();
    } catch (error) {
      this.logger.warn({ err: error }, 'the complaint events consumer’s progress is unknown; breaches wait');
      return { state: 'unknown' };
    }
  }
}
