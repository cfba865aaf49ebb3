/**
 * strftime/strptime (spec 04 TF1, TF2, Part D): every variable of TF1 on the reference instant
 * 2024-03-05 14:07:09.123456 UTC, the documented examples, time zones and parsing rules.
 */
import { describe, expect, test } from 'vitest';
import { compileFormat, formatTime, parseTime } from '../../src/time/strftime.js';
import { isSplError } from '../../src/errors/spl-error.js';

const REF = 1709647629.123456; // 2024-03-05 14:07:09.123456 UTC, a Tuesday
const utc = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number => Date.UTC(y, mo - 1, d, h, mi, s) / 1000;

describe('TF1 strftime variables (reference instant, UTC)', () => {
  test.each([
    ['%Y', '2024'], ['%y', '24'], ['%C', '20'], ['%m', '03'], ['%d', '05'], ['%e', ' 5'],
    ['%H', '14'], ['%k', '14'], ['%I', '02'], ['%l', ' 2'], ['%p', 'PM'], ['%P', 'pm'], ['%M', '07'], ['%S', '09'],
    ['%a', 'Tue'], ['%A', 'Tuesday'], ['%b', 'Mar'], ['%B', 'March'], ['%h', 'Mar'], ['%j', '065'],
    ['%w', '2'], ['%u', '2'], ['%U', '09'], ['%W', '10'], ['%V', '10'], ['%G', '2024'], ['%g', '24'],
    ['%s', '1709647629'],
    ['%N', '123456000'], ['%3N', '123'], ['%6N', '123456'], ['%9N', '123456000'], ['%1N', '1'],
    ['%Q', '123'], ['%3Q', '123'], ['%6Q', '123456'], ['%9Q', '123456000'], ['%f', '123456'],
    ['%T', '14:07:09'], ['%F', '2024-03-05'], ['%D', '03/05/24'], ['%R', '14:07'], ['%r', '02:07:09 PM'],
    ['%z', '+0000'], ['%:z', '+00:00'], ['%::z', '+00:00:00'], ['%:::z', '+00'], ['%Z', 'UTC'], ['%Ez', '+0'],
    ['%c', 'Tue Mar  5 14:07:09 2024'], ['%x', '03/05/24'], ['%X', '14:07:09'],
    ['%+', 'Tue Mar  5 14:07:09 UTC 2024'], ['%%', '%'], ['a%nb%tc', 'a\nb\tc'],
  ])('%s -> %j', (format, expected) => {
    expect(formatTime(REF, format, 'UTC')).toBe(expected);
  });

  test.each([
    ['%k at 09h', utc(2024, 3, 5, 9), '%k', ' 9'],
    ['%I at midnight', utc(2024, 3, 5, 0), '%I %p', '12 AM'],
    ['%I at noon', utc(2024, 3, 5, 12), '%I %p', '12 PM'],
    ['%e two digits', utc(2024, 3, 15), '%e', '15'],
    ['%V/%G: 2021-01-01 is in 2020-W53', utc(2021, 1, 1), '%G-W%V %U %j', '2020-W53 00 001'],
    ['%V/%G: 2024-12-30 is in 2025-W01', utc(2024, 12, 30), '%G-W%V %g', '2025-W01 25'],
    ['%j leap day 366', utc(2024, 12, 31), '%j', '366'],
    ['before 1970', -1.5, '%Y-%m-%d %H:%M:%S.%3N', '1969-12-31 23:59:58.500'],
    ['year 0 padding', utc(2005, 1, 1), '%y %C', '05 20'],
  ])('%s', (_name, epoch, format, expected) => {
    expect(formatTime(epoch, format, 'UTC')).toBe(expected);
  });
});

describe('TF1 subseconds are truncated, never rounded', () => {
  test.each([
    [1709647629.123456, '%6N', '123456'], // binary value is ...123455999...
    [1709647629.999999, '%3N', '999'],
    [1709647629.9999, '%Q', '999'],
    [1709647629.9999, '%S.%1N', '09.9'],
    [1709647629.5, '%f', '500000'],
    [1709647629, '%N', '000000000'],
    [1705312800.123456, '%S.%6N', '00.123456'],
    [1522196414.839, '%H:%M:%S', '00:20:14'], // C2: ctime drops the fraction
  ])('%s with %s -> %s', (epoch, format, expected) => {
    expect(formatTime(epoch, format, 'UTC')).toBe(expected);
  });
});

describe('TF1 documented examples (Splunk docs were produced in US/Pacific)', () => {
  const apr29 = utc(2025, 4, 30, 6, 45, 22); // 2025-04-29 23:45:22 PDT
  test.each([
    ['%Y-%m-%dT%H:%M:%S.%Q', '2025-04-29T23:45:22.000'],
    ['%m-%d-%Y %I:%M:%S %p', '04-29-2025 11:45:22 PM'],
    ['%b %d, %Y', 'Apr 29, 2025'],
    ['%d/%b/%Y:%H:%M:%S.%f %z', '29/Apr/2025:23:45:22.000000 -0700'],
    ['%Y-%m-%d', '2025-04-29'],
    ['%B %d, %Y', 'April 29, 2025'],
    ['%a %b %d, %Y', 'Tue Apr 29, 2025'],
  ])('%s -> %s', (format, expected) => {
    expect(formatTime(apr29, format, 'America/Los_Angeles')).toBe(expected);
  });
});

describe('C1/C2 convert ctime formats', () => {
  test.each([
    [1522196414, '%m/%d/%Y %H:%M:%S', 'UTC', '03/28/2018 00:20:14'],
    [1522196414, '%H:%M:%S', 'UTC', '00:20:14'],
    [1522196414.839, '%H:%M:%S', 'America/Los_Angeles', '17:20:14'],
  ])('ctime(%s) with %j in %s -> %j', (epoch, format, zone, expected) => {
    expect(formatTime(epoch, format, zone)).toBe(expected);
  });
});

describe('Part D time zones in strftime', () => {
  const winter = utc(2024, 1, 15, 13, 45);
  const summer = utc(2024, 7, 15, 13, 45);
  test.each([
    [winter, 'Europe/Berlin', '2024-01-15 14:45 CET +0100 +01:00 +60'],
    [summer, 'Europe/Berlin', '2024-07-15 15:45 CEST +0200 +02:00 +120'],
    [winter, 'America/New_York', '2024-01-15 08:45 EST -0500 -05:00 -300'],
    [summer, 'America/New_York', '2024-07-15 09:45 EDT -0400 -04:00 -240'],
    [summer, 'Europe/London', '2024-07-15 14:45 BST +0100 +01:00 +60'],
    [winter, 'Asia/Kolkata', '2024-01-15 19:15 IST +0530 +05:30 +330'],
    // Zones without a letter abbreviation get tzdata's numeric one, as glibc prints it.
    [winter, 'America/Sao_Paulo', '2024-01-15 10:45 -03 -0300 -03:00 -180'],
    [winter, 'Asia/Kathmandu', '2024-01-15 19:30 +0545 +0545 +05:45 +345'],
    [winter, 'UTC', '2024-01-15 13:45 UTC +0000 +00:00 +0'],
  ])('%s in %s -> %s', (epoch, zone, expected) => {
    expect(formatTime(epoch, '%F %H:%M %Z %z %:z %Ez', zone)).toBe(expected);
  });

  test('%+ uses the zone abbreviation', () => {
    expect(formatTime(REF, '%+', 'America/Los_Angeles')).toBe('Tue Mar  5 06:07:09 PST 2024');
  });

  test('an unknown zone is a U002 usage error', () => {
    let error: unknown;
    try {
      formatTime(REF, '%H', 'Mars/Olympus');
    } catch (e) {
      error = e;
    }
    expect(isSplError(error) && error.code).toBe('U002');
  });
});

describe('TF1 unknown variables are left as is', () => {
  test.each([
    ['%q', '%q'], ['%3Y', '%3Y'], ['100%', '100%'], ['%:Y', '%:Y'], ['%E', '%E'], ['%10N', '%10N'],
    ['%Y%', '2024%'], ['%Ey', '%Ey'],
  ])('%j -> %j', (format, expected) => {
    expect(formatTime(REF, format, 'UTC')).toBe(expected);
  });
});

test('compileFormat returns a reusable formatter', () => {
  const format = compileFormat('%Y-%m-%d %H:%M:%S %Z');
  expect(format(REF, 'UTC')).toBe('2024-03-05 14:07:09 UTC');
  expect(format(REF, 'Europe/Berlin')).toBe('2024-03-05 15:07:09 CET');
  expect(format(0, 'UTC')).toBe('1970-01-01 00:00:00 UTC');
});

describe('TF2 strptime', () => {
  test.each([
    ['2022-12-15 09:45:22', '%Y-%m-%d %H:%M:%S', 'UTC', 1671097522],
    ['2022-12-15 09:45:22', '%Y-%m-%d %H:%M:%S', 'America/Los_Angeles', 1671126322],
    ['2024-01-15 10:00:00', '%Y-%m-%d %H:%M:%S', 'UTC', 1705312800],
    ['1/5/2024:7:00:00', '%m/%d/%Y:%H:%M:%S', 'UTC', utc(2024, 1, 5, 7)],
    ['01/05/2024:07:00:00', '%m/%d/%Y:%H:%M:%S', 'UTC', utc(2024, 1, 5, 7)],
    ['03/28/2018 00:20:14', '%m/%d/%Y %H:%M:%S', 'UTC', 1522196414],
    ['2024-01-15 10:00:00', '%Y-%m-%d %H:%M:%S', 'Europe/Berlin', utc(2024, 1, 15, 9)],
    ['2024-07-15 10:00:00', '%Y-%m-%d %H:%M:%S', 'Europe/Berlin', utc(2024, 7, 15, 8)],
    ['1705312800', '%s', 'America/New_York', 1705312800],
    ['1705312800123', '%s%3N', 'UTC', 1705312800.123],
    ['1705312800.123456', '%s.%6N', 'UTC', 1705312800.123456],
    ['2024-01-15T10:00:00.123456Z', '%Y-%m-%dT%H:%M:%S.%6N%z', 'America/New_York', 1705312800.123456],
    ['2024-01-15T10:00:00.123456789', '%Y-%m-%dT%H:%M:%S.%N', 'UTC', 1705312800.123456789],
    ['2024-01-15T10:00:00.5', '%Y-%m-%dT%H:%M:%S.%Q', 'UTC', 1705312800.5],
    ['2024-01-15 10:00:00.250000', '%F %T.%f', 'UTC', 1705312800.25],
    ['2024-01-15 10:00:00 +0200', '%Y-%m-%d %H:%M:%S %z', 'America/New_York', utc(2024, 1, 15, 8)],
    ['2024-01-15 10:00:00 -05:00', '%Y-%m-%d %H:%M:%S %:z', 'UTC', utc(2024, 1, 15, 15)],
    ['2024-01-15 10:00:00 +05', '%Y-%m-%d %H:%M:%S %:::z', 'UTC', utc(2024, 1, 15, 5)],
    ['2024-01-15 10:00:00 -420', '%Y-%m-%d %H:%M:%S %Ez', 'UTC', utc(2024, 1, 15, 17)],
    ['2024-01-15 10:00:00 EST', '%Y-%m-%d %H:%M:%S %Z', 'UTC', utc(2024, 1, 15, 15)],
    ['2024-01-15 10:00:00 UTC', '%Y-%m-%d %H:%M:%S %Z', 'Asia/Tokyo', utc(2024, 1, 15, 10)],
    ['2024-07-15 10:00:00 Europe/Berlin', '%Y-%m-%d %H:%M:%S %Z', 'UTC', utc(2024, 7, 15, 8)],
    ['Tue Mar  5 14:07:09 2024', '%c', 'UTC', utc(2024, 3, 5, 14, 7, 9)],
    ['tuesday, 5 MARCH 2024', '%A, %d %B %Y', 'UTC', utc(2024, 3, 5)],
    ['15 jan 2024', '%d %b %Y', 'UTC', utc(2024, 1, 15)],
    ['12:00:00 AM 2024-01-15', '%I:%M:%S %p %F', 'UTC', utc(2024, 1, 15, 0)],
    ['12:30 PM 2024-01-15', '%I:%M %p %F', 'UTC', utc(2024, 1, 15, 12, 30)],
    ['1:05 pm 2024-01-15', '%I:%M %p %F', 'UTC', utc(2024, 1, 15, 13, 5)],
    ['01/15/68', '%m/%d/%y', 'UTC', utc(2068, 1, 15)],
    ['01/15/69', '%m/%d/%y', 'UTC', utc(1969, 1, 15)],
    ['19 69-01-15', '%C %y-%m-%d', 'UTC', utc(1969, 1, 15)],
    ['2024 065', '%Y %j', 'UTC', utc(2024, 3, 5)],
    ['2024-01-15', '%Y-%m-%d', 'UTC', utc(2024, 1, 15)],
    ['10:30', '%H:%M', 'UTC', utc(1970, 1, 1, 10, 30)],
    ['20240115103000', '%Y%m%d%H%M%S', 'UTC', utc(2024, 1, 15, 10, 30)],
    ['2024-01-15    10:00:00', '%Y-%m-%d %H:%M:%S', 'UTC', 1705312800],
    ['2024-01-15 10:00:00', '%Y-%m-%d%n%H:%M:%S', 'UTC', 1705312800],
    ['Mar  5 2024', '%b %e %Y', 'UTC', utc(2024, 3, 5)],
    ['100% 2024', '100%% %Y', 'UTC', utc(2024, 1, 1)],
    // C strptime stops at the end of the format: trailing text is ignored.
    ['2024-01-15T10:00:00.123Z', '%Y-%m-%dT%H:%M:%S', 'UTC', 1705312800],
    ['2024-01-15 extra', '%Y-%m-%d', 'UTC', utc(2024, 1, 15)],
    // Wall times in a DST gap move forward by the gap; repeated hours take the first occurrence.
    ['2024-03-10 02:30:00', '%Y-%m-%d %H:%M:%S', 'America/New_York', utc(2024, 3, 10, 7, 30)],
    ['2024-11-03 01:30:00', '%Y-%m-%d %H:%M:%S', 'America/New_York', utc(2024, 11, 3, 5, 30)],
    ['2024-10-27 02:30:00', '%Y-%m-%d %H:%M:%S', 'Europe/Berlin', utc(2024, 10, 27, 0, 30)],
  ])('%j with %j in %s -> %s', (text, format, zone, expected) => {
    expect(parseTime(text, format, zone)).toBe(expected);
  });

  test.each([
    ['', '%Y'],
    ['abc', '%Y'],
    ['2024/01/15', '%Y-%m-%d'],
    ['2024-13-01', '%Y-%m-%d'],
    ['2024-02-30', '%Y-%m-%d'],
    ['2023-02-29', '%Y-%m-%d'],
    ['2024-01-15 24:00:00', '%Y-%m-%d %H:%M:%S'],
    ['2024-01-15 10:60:00', '%Y-%m-%d %H:%M:%S'],
    ['13:00 PM', '%I:%M %p'],
    ['10:00 XM', '%I:%M %p'],
    ['2024-01-15 10:00:00 XYZ', '%Y-%m-%d %H:%M:%S %Z'],
    ['2024-01-15 10:00:00 +2', '%Y-%m-%d %H:%M:%S %z'],
    ['Foo 5 2024', '%b %d %Y'],
    ['2024-01-15', '%Y-%m-%dT%H'],
    ['.', '%s'],
  ])('%j with %j -> undefined', (text, format) => {
    expect(parseTime(text, format, 'UTC')).toBeUndefined();
  });

  test.each([
    ['UTC', REF],
    ['Europe/Berlin', utc(2024, 7, 1, 12, 0, 0) + 0.000001],
    ['America/New_York', utc(2024, 11, 3, 6, 30, 5) + 0.5],
    ['Asia/Kolkata', utc(1999, 12, 31, 23, 59, 59)],
    ['America/Los_Angeles', -86_400.25],
  ])('round trip in %s: strptime(strftime(t)) = t', (zone, epoch) => {
    const format = '%Y-%m-%d %H:%M:%S.%6N %z';
    expect(parseTime(formatTime(epoch, format, zone), format, zone)).toBe(epoch);
  });
});
