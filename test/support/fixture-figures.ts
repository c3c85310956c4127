// Section R1 of the fixture form 1-П (src/modules/statistics/fixtures/structures): total = planned
// + unplanned; "of which" ≤ total; a fine in thousand tenge; row 4 is for official use only.
export function fixtureR1(scale = 1) {
  const table: Record<string, (number | null)[]> = {
    '1': [10 * scale, 3, 12.5],
    '2': [6 * scale, 2, 7.25],
    '3': [4 * scale, 1, 5.25],
    '4': [1, 0, null],
  };
  return Object.entries(table).flatMap(([row, vals]) =>
    vals.map((value, i) => ({ section: 'R1', row, graph: i + 1, value })),
  );
}
