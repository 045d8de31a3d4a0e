// The emulator's clock: real time by default, replaceable by an option, fixable or shiftable by the admin API.

export class Clock {
  private fixed: Date | undefined;
  private offsetMs = 0;

  constructor(private readonly base: () => Date = () => new Date()) {}

  now(): Date {
    if (this.fixed) return new Date(this.fixed.getTime());
    return new Date(this.base().getTime() + this.offsetMs);
  }

  /** Freezes the clock at an instant (undefined returns to the base clock). */
  set(instant: Date | undefined): void {
    this.fixed = instant;
    this.offsetMs = 0;
  }

  /** Moves the clock forward (or back) by ms, frozen or not. */
  advance(ms: number): void {
    if (this.fixed) this.fixed = new Date(this.fixed.getTime() + ms);
    else this.offsetMs += ms;
  }
}
