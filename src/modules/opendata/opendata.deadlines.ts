// The deadline watch of Order 84: for each open dataset, its next due date (the 20th of the month
// after its period, moved to the next working day — Order 25, para 13), the last time it was
// updated, and whether it is late (a period whose due date has passed has no resource yet). The
// lists updated "as the information arrives" and the permanent ones have no due date and are never
// late. Pure: the obligations, the periods covered and the day are passed in.

export type DeadlineRule = 'by-period' | 'on-arrival' | 'permanent';

export interface DatasetDeadline {
  dataset: string;
  rule: DeadlineRule;
  /** the first period still to publish whose due date is today or later */
  nextDue: { period: string; due: string; provisional: boolean } | null;
  /** the newest version of any of its resources */
  lastUpdate: Date | null;
  late: boolean;
  /** the periods whose due date has passed with nothing published for them, oldest first */
  overdue: { period: string; due: string }[];
}

export interface DeadlineInput {
  dataset: string;
  updatePeriod: string;
  /** the dataset's open-data-portal obligations around `today`, any order */
  obligations: readonly { period: string; due: string; provisional: boolean }[];
  /** whether a period has been published on the portal */
  covered: (period: string) => boolean;
  /** the first day of the periods that count as late (imported history is not late) */
  countsFrom: string;
  /** the first day of a period, to compare with `countsFrom` */
  periodStart: (period: string) => string;
  lastUpdate: Date | null;
  today: string;
}

export function deadlineOf(input: DeadlineInput): DatasetDeadline {
  const rule: DeadlineRule =
    input.updatePeriod === 'on-arrival'
      ? 'on-arrival'
      : input.updatePeriod === 'permanent'
        ? 'permanent'
        : 'by-period';
  const open = [...input.obligations]
    .filter((o) => !input.covered(o.period))
    .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.period < b.period ? -1 : 1));
  // Order 84 (and Order 25, para 13): late from the day after the due date.
  const overdue = open
    .filter((o) => o.due < input.today && input.periodStart(o.period) >= input.countsFrom)
    .map((o) => ({ period: o.period, due: o.due }));
  const next = open.find((o) => o.due >= input.today);
  return {
    dataset: input.dataset,
    rule,
    nextDue:
      rule === 'by-period' && next
        ? { period: next.period, due: next.due, provisional: next.provisional }
        : null,
    lastUpdate: input.lastUpdate,
    late: rule === 'by-period' && overdue.length > 0,
    overdue: rule === 'by-period' ? overdue : [],
  };
}
