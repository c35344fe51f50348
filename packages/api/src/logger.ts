import { pino } from 'pino';

export type Logger = pino.Logger;

export interface CreateLoggerOptions {
  level?: string;
  name?: string;
}

/** JSON logs with secrets redacted wherever they may appear in a logged object. */
export function createLogger({ level = 'info', name = 'taskforge' }: CreateLoggerOptions = {}): Logger {
  return pino({
    name,
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'headers.authorization',
        'headers.cookie',
        '*.password',
        '*.token',
        'password',
        'token',
      ],
      censor: '[redacted]',
    },
  });
}
