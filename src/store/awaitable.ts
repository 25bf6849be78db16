/**
 * What a store method returns: the embedded SQLite stores answer synchronously (better-sqlite3),
 * the PostgreSQL stores with a promise. Callers always `await`, so either fits one interface and
 * the single-process path keeps its synchronous speed.
 */
export type Awaitable<T> = T | Promise<T>;
