import { TestService, declaredBusAccess, observedBusAccess, startTestService } from '@complaints/service-testing';
import { IntakeConfig, intakeEnvSchema, toIntakeConfig } from '../src/intake-config';
import { startIntake } from '../src/intake-app';

/** What intake does on NATS is what the access table, and so its deployed NATS user, allows it. */
describe('intake on the bus', () => {
  let intake: TestService<IntakeConfig>;

  beforeAll(async () => {
    intake = await startTestService({ envSchema: intakeEnvSchema, toConfig: toIntakeConfig, start: startIntake });
  }, 60_000);
  afterAll(() => intake?.close());

  it('creates exactly the durable consumers and answers exactly the requests the NATS access table grants it', async () => {
    expect(await observedBusAccess(intake)).toEqual(declaredBusAccess('intake'));
  });
});
