/**
 * Shapes of the Next.js control-flow errors, for integration tests that mock next/navigation:
 * `redirect()` and `notFound()` throw these so a test can assert which one a gate chose.
 */
export class TestRedirect extends Error {
  constructor(readonly url: string) {
    super(`redirect to ${url}`);
  }
}

export class TestNotFound extends Error {
  constructor() {
    super("not found");
  }
}

export class TestForbidden extends Error {
  constructor() {
    super("forbidden");
  }
}

export const navigationMock = {
  forbidden: (): never => {
    throw new TestForbidden();
  },
  redirect: (url: string): never => {
    throw new TestRedirect(url);
  },
  notFound: (): never => {
    throw new TestNotFound();
  },
  /** The action pipeline passes Next's control flow on: here, the errors above. */
  unstable_rethrow: (error: unknown): void => {
    if (error instanceof TestRedirect || error instanceof TestNotFound || error instanceof TestForbidden) throw error;
  },
};
