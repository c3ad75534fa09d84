// Schedules: cron expressions that enqueue a job. Every instance's scheduler looks for due schedules;
// the one whose compare-and-set of next_run_at succeeds enqueues the job in the same transaction, so
// each due time fires exactly once however many instances run.
#pragma once

#include <chrono>
#include <string>

#include <nlohmann/json.hpp>

#include "store/db.h"

namespace concord::jobs {

// Creates or updates a schedule (next_run_at recomputed when the cron changes).
Status PutSchedule(store::Connection& conn, const std::string& name, const std::string& cron,
                   const std::string& job_kind, const nlohmann::json& payload, std::chrono::sys_seconds now);

// Deletes a schedule; jobs it already queued stay. Removing one that does not exist is not an error.
Status RemoveSchedule(store::Connection& conn, const std::string& name);

// Enqueues the jobs of every schedule due at `now`; returns how many fired.
Result<int> FireDueSchedules(store::Database& db, std::chrono::sys_seconds now);

}  // namespace concord::jobs
