// For tests: run every queued job at once, retries included, as if their backoff had passed.
#pragma once

#include <gtest/gtest.h>

#include "jobs/jobs.h"

namespace concord::jobs::testing {

inline void RunAllNow(store::Database& db, const Registry& registry) {
  for (;;) {
    {
      auto conn = db.Acquire();
      ASSERT_TRUE((*conn)->Execute("UPDATE jobs SET run_at = '2000-01-01T00:00:00Z' WHERE state = 'queued'").ok());
    }
    auto ran = RunOne(db, registry, "test");
    ASSERT_TRUE(ran.ok()) << ran.error().message;
    if (!*ran) return;
  }
}

}  // namespace concord::jobs::testing
