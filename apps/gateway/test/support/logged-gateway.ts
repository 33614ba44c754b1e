import { Telemetry, startTelemetry } from '@complaints/telemetry';
import { captureStdout } from './captured-stdout';
import { TestGateway, startTestGateway } from './test-gateway';

/** A JSON log line, with the fields the log tests read. */
export interface LogLine {
  readonly msg?: string;
  readonly req?: { readonly id?: string; readonly method?: string; readonly url?: string };
  readonly res?: { readonly statusCode?: number };
}

export interface LoggedGateway {
  readonly url: string;
  /** Everything written to stdout since the gateway started. */
  logText(): string;
  /** The complete JSON lines of it (one still being written is left out). */
  logLines(): LogLine[];
}

/**
 * A gateway for one test file whose log lines the tests read: stdout is captured before the
 * gateway creates its logger, and given back after. Call it in the file's `describe`.
 */
export function gatewayWithCapturedLogs(env: Record<string, string>): LoggedGateway {
  let telemetry: Telemetry | undefined;
  let stdout: ReturnType<typeof captureStdout> | undefined;
  let gateway: TestGateway | undefined;

  beforeAll(async () => {
    telemetry = startTelemetry({ serviceName: 'gateway' });
    stdout = captureStdout();
    gateway = await startTestGateway(telemetry, env);
  });
  afterAll(async () => {
    await gateway?.close();
    await telemetry?.shutdown();
    stdout?.restore();
  });

  const logText = (): string => stdout?.text() ?? '';
  return {
    get url() {
      if (!gateway) throw new Error('the gateway is available once it has started (in a test or a hook)');
      return gateway.url;
    },
    logText,
    logLines: () =>
      logText()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .flatMap((line) => {
          try {
            return [JSON.parse(line) as LogLine];
          } catch {
            return [];
          }
        }),
  };
}
