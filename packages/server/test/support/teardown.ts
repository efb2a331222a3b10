/**
 * Clean-ups of a fixture's resources, run last-in first-out. Every step runs even when an earlier
 * one throws; the first error is rethrown at the end. A fixture that fails half-way through its
 * set-up runs the steps it has so far, so nothing it started outlives it.
 */
export class Teardown {
  private readonly steps: Array<() => Promise<unknown>> = [];

  /** Registers `cleanup(value)` and returns `value`. */
  add<T>(value: T, cleanup: (value: T) => Promise<unknown>): T {
    this.steps.push(() => cleanup(value));
    return value;
  }

  async run(): Promise<void> {
    let failure: { error: unknown } | null = null;
    for (const step of this.steps.splice(0).reverse()) {
      try {
        await step();
      } catch (error) {
        failure ??= { error };
      }
    }
    if (failure) throw failure.error;
  }

  /** Runs `setUp`; if it throws, runs the clean-ups registered so far and rethrows. */
  async guard<T>(setUp: () => Promise<T>): Promise<T> {
    try {
      return await setUp();
    } catch (error) {
      await this.run().catch(() => undefined);
      throw error;
    }
  }
}
