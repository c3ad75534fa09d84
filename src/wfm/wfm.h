// The workforce-management module's public face: what other modules and the app may include.
//   erlang.h / erlang_a.h   queueing formulas (Erlang B, C, A)
//   staffing.h              agents and positions for an interval or many
//   interval_history.h      contacts counted into local 15/30/60-minute intervals
//   holt_winters.h          exponential smoothing with seasonality
//   forecast.h              interval forecasts and their back-test accuracy (accuracy.h)
//   wfm_command.h           `concord wfm …` on the command line
#pragma once

#include "wfm/accuracy.h"
#include "wfm/erlang.h"
#include "wfm/erlang_a.h"
#include "wfm/forecast.h"
#include "wfm/holt_winters.h"
#include "wfm/interval_history.h"
#include "wfm/staffing.h"
#include "wfm/wfm_command.h"
