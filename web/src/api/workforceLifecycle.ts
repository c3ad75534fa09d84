// Workforce life-cycle additions (issue 4): a contractor converted to a W-2 employee.
import { request } from './http'
import type { Assignment, Row } from './workforce'

const V1 = '/api/v1'

/** What a conversion recorded on the assignment (conversion.h). */
export interface Conversion {
  effective_date: string
  from_type: string
  to_type: string
  reason: 'high_risk_determination' | 'coordinator_decision'
  note: string
  risk: string | null
  determination_id: number | null
  decided_by: string
  decided_at: string
}
export type ConvertedAssignment = Assignment & { conversion?: Conversion | null }

export async function convertToEmployee(
  a: Row,
  body: { effective_date: string; reason: string; note: string },
): Promise<ConvertedAssignment> {
  return (
    await request<ConvertedAssignment>(`${V1}/assignments/${a.id}/conversion`, {
      method: 'POST',
      body,
      ifMatch: `"${a.version}"`,
    })
  ).data
}
