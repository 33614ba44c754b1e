/** The slice of a pino logger the timer machinery writes to. */
export interface TimerLogger {
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}
