import { Client } from 'pg';
import { ApiClient } from './api-client';
import { OtlpReceiver } from './otlp-receiver';
import { RunningSystem, SERVICES, ServiceEnv, ServiceName } from './running-system';

export interface SystemForFile {
  /** Receives the spans every service exports. */
  readonly receiver: OtlpReceiver;
  readonly api: ApiClient;
  readonly system: RunningSystem;
  /** A connection to the system's database (with `database: true`). */
  readonly db: Client;
}

/**
 * The system under test for one test file: started once before its tests (with an OTLP
 * receiver for their traces) and stopped after them. Call it in the file's `describe`.
 */
export function systemForFile(
  services: readonly ServiceName[] = SERVICES,
  options: {
    database?: boolean;
    /** Variables for some services, read when the system starts (after the file's earlier `beforeAll`s). */
    env?: () => ServiceEnv;
  } = {},
): SystemForFile {
  const receiver = new OtlpReceiver();
  let system: RunningSystem | undefined;
  let db: Client | undefined;

  beforeAll(async () => {
    system = new RunningSystem(await receiver.start(), options.env?.());
    await system.start(services);
    if (options.database) {
      db = new Client({ connectionString: system.databaseUrl });
      await db.connect();
    }
  });

  afterAll(async () => {
    await db?.end();
    await system?.stop();
    await receiver.stop();
  });

  function started<T>(value: T | undefined, what: string): T {
    if (value === undefined)
      throw new Error(`${what} is available once the system has started (in a test or a hook)`);
    return value;
  }

  return {
    receiver,
    api: new ApiClient(() => started(system, 'the system').gatewayUrl()),
    get system() {
      return started(system, 'the system');
    },
    get db() {
      return started(db, 'the database connection (systemForFile(…, { database: true }))');
    },
  };
}
