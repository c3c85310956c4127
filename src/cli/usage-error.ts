/** A command given wrongly: its message is all the user needs (no stack). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
