// The agency module's public face: the pure rules other modules and the agency's own services may use.
//
//   job_number.h  configurable job / invoice numbers ("{client}-{YY}{seq:4}")
//   job.h         the job status machine, time-logging gate and job alerts
//   estimate.h    estimates (LOEs): lines, totals, approval, revisions, change orders, budget, rate card
//   time_rule.h   billable time: the N-business-day entry rule, compliance, period lock, frozen entries
//   forecast.h    the monthly revenue forecast (pipeline, committed, burn)
//   invoice.h     invoices: numbering, lines, totals, immutability, credit notes, payment status
#pragma once

#include "agency/estimate.h"
#include "agency/forecast.h"
#include "agency/invoice.h"
#include "agency/job.h"
#include "agency/job_number.h"
#include "agency/time_rule.h"
