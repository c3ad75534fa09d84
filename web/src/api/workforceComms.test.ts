import { describe, expect, it } from 'vitest'
import { citationsFromText, citationsToText, payrollSteps } from './workforceComms'

describe('payroll ticket steps', () => {
  it('offers what the server allows from each state (payroll_ticket.cpp) and nothing twice in a row', () => {
    expect(payrollSteps('open')).toEqual(['send_to_payroll', 'await_worker', 'await_client', 'resolve'])
    expect(payrollSteps('sent_to_payroll')).not.toContain('send_to_payroll')
    expect(payrollSteps('awaiting_worker')).not.toContain('await_worker')
    expect(payrollSteps('resolved')).toEqual(['reopen'])
    expect(payrollSteps('nonsense')).toEqual([])
  })
})

describe('citations as lines', () => {
  it('reads "label | url" lines, a bare label, and writes them back the same', () => {
    const text = '29 CFR 541.600 | https://www.ecfr.gov/current/title-29/section-541.600\n\n  29 U.S.C. §207(a)(1)  '
    const citations = citationsFromText(text)
    expect(citations).toEqual([
      { label: '29 CFR 541.600', url: 'https://www.ecfr.gov/current/title-29/section-541.600' },
      { label: '29 U.S.C. §207(a)(1)' },
    ])
    expect(citationsToText(citations)).toBe('29 CFR 541.600 | https://www.ecfr.gov/current/title-29/section-541.600\n29 U.S.C. §207(a)(1)')
  })
})
