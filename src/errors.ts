import { redactCredentials } from './index/redact.js';

/**
 * Errors the user can act on. `exitCode` follows DESIGN §2: 2 for bad usage or bad input, 1 when the job
 * itself failed (resolution conflict, failed host, failed health check). The CLI prints `message` alone,
 * never a stack trace. Passwords in URLs never reach a message: whatever input a message quotes, they are
 * replaced here.
 */
export class PexshipError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 2,
  ) {
    super(redactCredentials(message));
    this.name = 'PexshipError';
  }
}

/** Bad usage or bad input (exit 2). */
export class UsageError extends PexshipError {
  constructor(message: string) {
    super(message, 2);
    this.name = 'UsageError';
  }
}

/** The job failed although the input was sound (exit 1). */
export class JobError extends PexshipError {
  constructor(message: string) {
    super(message, 1);
    this.name = 'JobError';
  }
}
