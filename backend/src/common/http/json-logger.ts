import { ConsoleLogger, type LogLevel } from '@nestjs/common';

const LEVELS: Record<string, LogLevel[]> = {
  debug: ['error', 'warn', 'log', 'debug', 'fatal'],
  info: ['error', 'warn', 'log', 'fatal'],
  warn: ['error', 'warn', 'fatal'],
  error: ['error', 'fatal'],
};

/** Structured JSON logs (one object per line) that log shippers can parse. */
export function createJsonLogger(level: string): ConsoleLogger {
  return new ConsoleLogger('vigie', { json: true, logLevels: LEVELS[level] ?? LEVELS.info, colors: false });
}
