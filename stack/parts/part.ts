/** What starting one part of the stack leaves behind: how to stop it and what to tell the operator. */
export interface Started<T> {
  value: T;
  /** One line each for `npm start`'s banner (no secrets). */
  banners: string[];
  stop(): Promise<void>;
}
