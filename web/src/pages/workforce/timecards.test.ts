import { describe, expect, it } from 'vitest'
import { mondayOf, totalHours } from './TimecardsPage'

describe('timecard entry', () => {
  it('finds the ISO Monday of any day', () => {
    expect(mondayOf(new Date(2026, 10, 22))).toBe('2026-11-16') // a Sunday
    expect(mondayOf(new Date(2026, 10, 16))).toBe('2026-11-16')
    expect(mondayOf(new Date(2027, 0, 1))).toBe('2026-12-28') // a Friday: the week began in December
  })
  it('adds hours in hundredths, as the server does in decimal', () => {
    const tenths = Array(7).fill('0.1')
    expect(totalHours({ regular: tenths, overtime: Array(7).fill(''), double_time: Array(7).fill('') })).toBe('0.70')
    expect(
      totalHours({
        regular: ['8', '8', '8', '8', '8', '', ''],
        overtime: ['', '', '', '', '1.5', '', ''],
        double_time: ['', '', '', '', '', '', '4'],
      }),
    ).toBe('45.50')
  })
})
