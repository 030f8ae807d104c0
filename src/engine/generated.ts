/**
 * Code generated with `new Function` where the host allows it, else the plain-closure equivalent: under a CSP or
 * `--disallow-code-generation-from-strings`, `new Function` throws an EvalError, and only that falls back; any other
 * error is a bug in the generated source and is thrown.
 */
export function generatedOr<T>(generate: () => T, fallback: () => T): T {
  try {
    return generate();
  } catch (error) {
    if (!(error instanceof EvalError)) throw error;
    return fallback();
  }
}
