import { TestService, declaredBusAccess, observedBusAccess, startTestService } from '@complaints/service-testing';
import { FeedbackConfig, feedbackEnvSchema, toFeedbackConfig } from '../src/feedback-config';
import { startFeedback } from '../src/feedback-app';

/** What feedback does on NATS is what the access table, and so its deployed NATS user, allows it. */
describe('feedback on the bus', () => {
  let feedback: TestService<FeedbackConfig>;

  beforeAll(async () => {
    feedback = await startTestService({
      envSchema: feedbackEnvSchema,
      toConfig: toFeedbackConfig,
      start: startFeedback,
    });
  }, 60_000);
  afterAll(() => feedback?.close());

  it('creates exactly the durable consumers and answers exactly the requests the NATS access table grants it', async () => {
    expect(await observedBusAccess(feedback)).toEqual(declaredBusAccess('feedback'));
  });
});
