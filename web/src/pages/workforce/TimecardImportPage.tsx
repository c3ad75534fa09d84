import { Anchor } from '@mantine/core'
import { Link } from 'react-router'
import { importTimecards, type TimecardImportResult } from '../../api/workforce'
import { VmsImportPage } from './VmsImportPage'

/** Timecards from a VMS time export through the programme's VMS mapping, all or nothing. */
export function TimecardImportPage() {
  return (
    <VmsImportPage<TimecardImportResult>
      title="Import timecards from the VMS"
      description="One row per work order, day and rate category (ST, OT, DT), as Fieldglass, Beeline and VNDLY export time sheets. Each work order's week becomes its timecard with the VMS status (saved, submitted, approved). One bad cell and nothing is imported; importing the same file again changes nothing; a week already approved here is never overwritten."
      fileLabel="VMS time export (CSV)"
      testId="timecard"
      run={(programme, csv, name) => importTimecards(programme, csv, name)}
      resultTitle={() => 'Imported'}
      resultText={(r) => (
        <>
          {r.created} new, {r.updated} updated, {r.unchanged} unchanged.{' '}
          <Anchor component={Link} to="/workforce/timecards">
            See the timecards
          </Anchor>
        </>
      )}
    />
  )
}
