/**
 * Captures what the process writes to stdout, where the gateway logs. pino writes through
 * `process.stdout` (instead of straight to file descriptor 1) once `write` is replaced, so
 * start capturing before the gateway creates its logger.
 */
export function captureStdout(): { text(): string; restore(): void } {
  const chunks: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  });
  return { text: () => chunks.join(''), restore: () => spy.mockRestore() };
}
