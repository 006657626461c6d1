import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instant, periodStart, rfc822, rfc3339, ZONE_OFFSET } from '../../../worker/feeds/dates';

// China has kept UTC+8 without daylight saving since 1992; earlier years had summer time.
const isoDate = fc
  .date({ min: new Date('1992-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

// Weekday and calendar day in Zhuzhou, from ICU's time-zone data rather than our arithmetic.
const shanghai = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Asia/Shanghai',
  weekday: 'short',
  day: '2-digit',
  month: 'numeric',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** Month names of RFC 822 §5.1. */
const RFC822_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

describe('feed dates', () => {
  it('take the first day of a period: year, month, day or interval', () => {
    expect(periodStart('2023-04-19/2023-04-21')).toBe('2023-04-19');
    expect(periodStart('2023-01/2023-03')).toBe('2023-01-01');
    expect(periodStart('2023-04')).toBe('2023-04-01');
    expect(periodStart('2023')).toBe('2023-01-01');
    expect(periodStart('2023-04-26')).toBe('2023-04-26');
  });

  it('start a day at midnight China Standard Time (UTC+8, no daylight saving)', () => {
    expect(ZONE_OFFSET).toBe('+08:00');
    expect(rfc3339('2023-04-19')).toBe('2023-04-19T00:00:00+08:00');
    expect(new Date(rfc3339('2023-04-19')).toISOString()).toBe('2023-04-18T16:00:00.000Z');
    expect(rfc822('2023-04-19')).toBe('Wed, 19 Apr 2023 00:00:00 +0800');
  });

  it('write RFC 822 and RFC 3339 forms of the same instant, with the right weekday', () => {
    fc.assert(
      fc.property(isoDate, (date) => {
        const a = rfc822(date);
        const b = rfc3339(date);
        expect(a).toMatch(
          /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} 00:00:00 \+0800$/,
        );
        expect(b).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00\+08:00$/);
        const instant = Date.parse(b);
        expect(Date.parse(a)).toBe(instant);
        // Weekday, day, month, year and time in Shanghai are exactly what the RFC 822 string says.
        const part = (type: string) => shanghai.formatToParts(instant).find((p) => p.type === type)!.value;
        expect(a).toBe(
          `${part('weekday')}, ${part('day')} ${RFC822_MONTHS[Number(part('month')) - 1]} ${part('year')} ${part('hour')}:${part('minute')}:00 +0800`,
        );
      }),
      { numRuns: 500 },
    );
  });

  it('write the instant of a revision in Zhuzhou time, the day turning at midnight there', () => {
    expect(rfc3339('2023-06-30T02:15:00.120Z')).toBe('2023-06-30T10:15:00.120+08:00');
    expect(rfc3339('2023-06-30T20:00:00.000Z')).toBe('2023-07-01T04:00:00+08:00');
    expect(rfc822('2023-06-30T20:00:00.000Z')).toBe('Sat, 01 Jul 2023 04:00:00 +0800');
    expect(rfc3339('2023-04-28T00:00:00.000Z')).toBe('2023-04-28T08:00:00+08:00');
    expect(instant('2023-04-19')).toBe(Date.parse('2023-04-18T16:00:00Z'));
    expect(instant('2023-04-19T01:02:03.004Z')).toBe(Date.parse('2023-04-19T01:02:03.004Z'));
  });

  it('keep an instant exact in RFC 3339 and to the second in RFC 822', () => {
    const instants = fc
      .date({ min: new Date('1992-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString());
    fc.assert(
      fc.property(instants, (iso) => {
        const t = Date.parse(iso);
        expect(Date.parse(rfc3339(iso))).toBe(t);
        expect(rfc3339(iso)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?\+08:00$/);
        expect(Date.parse(rfc822(iso))).toBe(Math.floor(t / 1000) * 1000);
        const part = (type: string) => shanghai.formatToParts(t).find((p) => p.type === type)!.value;
        expect(rfc822(iso).slice(0, 3)).toBe(part('weekday'));
      }),
      { numRuns: 500 },
    );
  });
});
