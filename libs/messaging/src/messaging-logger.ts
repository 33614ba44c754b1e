/** The slice of a pino logger the messaging core writes to (nestjs-pino's PinoLogger fits). */
export interface MessagingLogger {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
  error(object: object, message: string): void;
}
