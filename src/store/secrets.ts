import type { Awaitable } from './awaitable.js';

/** Secrets made once per install and shared by every process of it (the feedback hash key). */
export interface SecretStore {
  /** The secret named `name`, stored as `make()` the first time; every caller gets the first one stored. */
  secret(name: string, make: () => string, now: string): Awaitable<string>;
}
