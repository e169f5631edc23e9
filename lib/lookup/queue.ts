/**
 * Runs tasks with at most `total` at a time and at most `perHost` per host, first come first served; a host that
 * asked to be left alone (429/503 with Retry-After) is paused while other hosts go on.
 */
export class HostQueue {
  private running = 0;
  private readonly perHostRunning = new Map<string, number>();
  private readonly pausedUntil = new Map<string, number>();
  private readonly waiting: Array<{ host: string; start: () => void }> = [];
  private wake: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly total = 6,
    readonly perHost = 2,
  ) {}

  run<T>(host: string, task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({
        host,
        start: () => {
          task()
            .then(resolve, reject)
            .finally(() => {
              this.running--;
              this.perHostRunning.set(host, (this.perHostRunning.get(host) ?? 1) - 1);
              this.pump();
            });
        },
      });
      this.pump();
    });
  }

  /** No new request to `host` for `ms`. */
  pause(host: string, ms: number): void {
    this.pausedUntil.set(host, Math.max(this.pausedUntil.get(host) ?? 0, Date.now() + ms));
  }

  /** Tasks not yet started. */
  get pending(): number {
    return this.waiting.length;
  }

  private pump(): void {
    const now = Date.now();
    let soonest = Number.POSITIVE_INFINITY;
    for (let i = 0; i < this.waiting.length && this.running < this.total; ) {
      const { host, start } = this.waiting[i]!;
      const until = this.pausedUntil.get(host) ?? 0;
      if (until > now) soonest = Math.min(soonest, until);
      if (until > now || (this.perHostRunning.get(host) ?? 0) >= this.perHost) {
        i++;
        continue;
      }
      this.waiting.splice(i, 1);
      this.running++;
      this.perHostRunning.set(host, (this.perHostRunning.get(host) ?? 0) + 1);
      start();
    }
    if (this.wake === undefined && Number.isFinite(soonest) && this.waiting.length) {
      this.wake = setTimeout(
        () => {
          this.wake = undefined;
          this.pump();
        },
        soonest - now + 5,
      );
    }
  }
}
