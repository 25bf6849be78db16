import { addDays, todayIn, weekStart } from '../query/dates.js';

export interface Week {
  /** Monday, `YYYY-MM-DD`. */
  from: string;
  /** Sunday. */
  to: string;
}

/** The Monday–Sunday week containing a date. */
export function weekContaining(date: string): Week {
  const from = weekStart(date);
  return { from, to: addDays(from, 6) };
}

/**
 * The week a digest run reports on: the Monday–Sunday before the day the run happens, in the
 * digest's time zone. A run at Monday 09:00 JST (Sunday 24:00 UTC) reports on the week that
 * ended the day before in Japan.
 */
export function previousWeek(runAt: Date, timeZone: string): Week {
  const local = todayIn(timeZone, runAt);
  return weekContaining(addDays(weekStart(local), -7));
}
