// A table of a form as read: its rows and graphs, a column per region or agency (the republic
// derived where not submitted), each value's status, and what it is published under.
import type { RegionCoverage, TableNotice } from './statistics.notices.js';
import type { Graph, Label, Row } from './structure.schema.js';

export interface Comparison {
  /** the same period of the previous year */
  period: string;
  /** per row, aligned with graphs: the previous value, the change and the change in % (null: no data) */
  previous: Record<string, (number | null)[]>;
  change: Record<string, (number | null)[]>;
  changePercent: Record<string, (number | null)[]>;
  /** the previous period has no revision for this breakdown: every cell is "no data" */
  noData: boolean;
  /**
   * false where the region's territory changed between the two periods (the catalogue's region
   * history): the previous values are given, the change is not (every change cell is null)
   */
  comparable: boolean;
  /** why not comparable: the day the territory changed and the act that changed it (its citation) */
  notComparable?: { date: string; basis: { kk: string; ru: string; en: string } | null };
}

export interface TableColumn {
  breakdown: string;
  label: Label | null;
  /** submitted: a stored revision; derived: the republic as the sum of the regions */
  kind: 'submitted' | 'derived';
  revision: number | null;
  submittedAt: string | null;
  origin: string | null;
  /**
   * The status of every value of the column: `synthetic` demonstration data, `revised` (published
   * in place of the revision an earlier publication held), `final`, or `provisional` (not yet
   * published: seen by staff only); `derived` for the republic summed from the regions. An empty
   * cell (null) is "not available".
   */
  status: ValueStatus;
  values: Record<string, (number | null)[]>;
  /** row → the graphs whose value differs from the revision this one superseded (see statistics.changes) */
  revised?: Record<string, number[]>;
  comparison?: Comparison;
}

export type ValueStatus = 'final' | 'revised' | 'provisional' | 'synthetic' | 'derived';

export interface Table {
  form: { id: string; code: string; titles: { kk: string; ru: string; en: string } };
  section: { id: string; title: Label };
  period: string;
  cumulative: boolean;
  provisionalStructure: boolean;
  graphs: Graph[];
  rows: Row[];
  columns: TableColumn[];
  /**
   * said wherever the table is shown: synthetic demonstration data, or imported official figures
   * (the text in the reader's language: `noticeText`)
   */
  notice: TableNotice | null;
  /** the republic stored and derived, where both exist: the difference is shown, not hidden */
  republic: { stored: boolean; derivedFrom: string[]; missingRegions: string[] } | null;
  /**
   * tables by region: how many of the regions in force the figures come from; a derived republic
   * from part of them is labelled as the sum it is, never as the republic
   */
  coverage: RegionCoverage | null;
  /** where the table is a published one: the release, publication, act and clause it is published under */
  publication?: Record<string, unknown>;
}
