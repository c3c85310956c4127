// A state body's written request as the staff register it (Order 25 para 6: through the unified
// electronic document system, signed by the head's deputy), for tests to vary field by field.
export const stateBodyRequest = (over: Record<string, unknown> = {}) => ({
  channel: 'unified-edms',
  applicant: {
    kind: 'state-body',
    name: 'Министерство внутренних дел',
    organisation: 'ministry-of-internal-affairs',
  },
  signatory: { role: 'acting-head', position: 'заместитель министра' },
  unit: 'offence',
  information: 'Количество проверок по регионам за первый квартал 2024 года',
  period: '2024-Q1',
  indicators: [{ form: '1-p', section: 'R1', rows: ['1'], regions: ['10'] }],
  registeredOn: '2024-03-15',
  ...over,
});
