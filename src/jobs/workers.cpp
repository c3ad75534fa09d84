#include "jobs/workers.h"

#include <spdlog/spdlog.h>

#include "jobs/schedules.h"

namespace concord::jobs {

void Workers::Start(int threads) {
  for (int i = 0; i < threads; ++i) threads_.emplace_back([this, i] { Loop(i); });
}

void Workers::Stop() {
  stopping_ = true;
  wake_.notify_all();
  for (auto& t : threads_) {
    if (t.joinable()) t.join();
  }
  threads_.clear();
}

void Workers::Sleep(std::chrono::milliseconds duration) {
  std::unique_lock lock(mutex_);
  wake_.wait_for(lock, duration, [this] { return stopping_.load(); });
}

void Workers::Loop(int index) {
  const std::string name = instance_ + "/" + std::to_string(index);
  auto last_housekeeping = std::chrono::steady_clock::time_point{};
  while (!stopping_) {
    // Worker 0 also keeps the schedules and requeues abandoned jobs, every 15 seconds.
    if (index == 0 && std::chrono::steady_clock::now() - last_housekeeping > std::chrono::seconds(15)) {
      last_housekeeping = std::chrono::steady_clock::now();
      const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
      if (auto fired = FireDueSchedules(db_, now); !fired.ok()) spdlog::warn("schedules: {}", fired.error().message);
      if (auto stale = RequeueStale(db_, std::chrono::minutes(5)); !stale.ok()) {
        spdlog::warn("requeue: {}", stale.error().message);
      }
    }
    auto ran = RunOne(db_, registry_, name);
    if (!ran.ok()) {
      spdlog::warn("job worker {}: {}", name, ran.error().message);
      Sleep(std::chrono::seconds(2));
    } else if (!*ran) {
      Sleep(std::chrono::milliseconds(300));
    }
  }
}

}  // namespace concord::jobs
