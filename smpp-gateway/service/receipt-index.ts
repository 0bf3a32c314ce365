import { receiptIdKeys } from '../../platform/smpp-codec/receipt.js';

// Carrier ids to MT parts, per bind. The key is (bind, id), so ids two carriers both issue never
// collide, and the hex/decimal conversions (a fallback only: "10" in hex is "16" in decimal) are
// looked up within the same bind.

export interface Hit<E> {
  entry: E;
  index: number;
}

const keyOf = (route: string, id: string): string => `${route}\u0000${id}`;

export class ReceiptIndex<E> {
  private readonly exact = new Map<string, Hit<E>>();
  private readonly converted = new Map<string, Hit<E>>();

  add(route: string, carrierId: string, hit: Hit<E>): void {
    const [canonical, ...others] = receiptIdKeys(carrierId);
    this.exact.set(keyOf(route, canonical!), hit);
    for (const k of others) this.converted.set(keyOf(route, k), hit);
  }

  /** Exact id first, then its conversions, all on `route`. */
  lookup(route: string, carrierId: string): Hit<E> | undefined {
    const keys = receiptIdKeys(carrierId);
    return (
      this.exact.get(keyOf(route, keys[0]!)) ??
      keys.map((k) => this.converted.get(keyOf(route, k))).find((hit) => hit !== undefined)
    );
  }

  /** Removes `carrierId` on `route`, where it still points at `entry`. */
  remove(route: string, carrierId: string, entry: E): void {
    const [canonical, ...others] = receiptIdKeys(carrierId);
    if (this.exact.get(keyOf(route, canonical!))?.entry === entry) this.exact.delete(keyOf(route, canonical!));
    for (const k of others)
      if (this.converted.get(keyOf(route, k))?.entry === entry) this.converted.delete(keyOf(route, k));
  }
}
