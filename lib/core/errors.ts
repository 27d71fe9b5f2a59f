/**
 * Domain errors: the only errors whose message reaches a person. Anything else
 * is logged with context and shown as a generic message (see lib/core/actions/action.ts).
 */
export class DomainError extends Error {
  readonly expose = true;
}

export class UnauthenticatedError extends DomainError {
  constructor() {
    super("Your session has ended. Sign in again.");
    this.name = "UnauthenticatedError";
  }
}

/** An SSO session the IdP must confirm again (oidc-recheck.ts): treated as signed out until it does. */
export class IdpRecheckDueError extends UnauthenticatedError {
  constructor() {
    super();
    this.message = "Your single sign-on must be confirmed with your identity provider. Reload the page.";
    this.name = "IdpRecheckDueError";
  }
}

export class ForbiddenError extends DomainError {
  constructor(action: string, needed: string) {
    super(`Your role cannot ${action}: it needs the ${needed} role. Ask an admin.`);
    this.name = "ForbiddenError";
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string) {
    super(`${what} was not found.`);
    this.name = "NotFoundError";
  }
}

export class ConflictError extends DomainError {
  constructor(message: string) {
    super(message);
    this.name = "ConflictError";
  }
}

/** An AWS call that failed, in words a person can act on, with AWS's request id. */
export class AwsOperationError extends DomainError {
  constructor(
    message: string,
    readonly details: {
      code: string;
      service: string;
      operation: string;
      requestId?: string;
      retryable?: boolean;
      httpStatus?: number;
    },
  ) {
    super(message);
    this.name = "AwsOperationError";
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
