import type { FieldError } from './rules';

/** A refused comment: the controller turns it into Strapi's error envelope with this status. */
export class CommentRejection extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 429,
    message: string,
    readonly errors: FieldError[] = [],
  ) {
    super(message);
    this.name = {
      400: 'ValidationError',
      403: 'ForbiddenError',
      404: 'NotFoundError',
      409: 'ConflictError',
      429: 'RateLimitError',
    }[status];
  }

  /** Strapi's error envelope for this refusal, as the controllers answer it. */
  envelope() {
    return {
      data: null,
      error: { status: this.status, name: this.name, message: this.message, details: { errors: this.errors } },
    };
  }
}
