/**
 * Weekday and month names as the C/POSIX locale spells them. Splunk prints English names
 * (`%a` = `Tue`, `%B` = `March`) and strptime accepts them case-insensitively.
 */
export const WEEKDAYS: readonly string[] = [
  'Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday',
];

export const MONTHS: readonly string[] = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];
