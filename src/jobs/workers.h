// The background workers of one `concord serve` instance: they run queued jobs, fire due schedules and
// return jobs abandoned by dead instances to the queue. Stop() lets the running job finish.
#pragma once

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "jobs/jobs.h"

namespace concord::jobs {

class Workers {
 public:
  Workers(store::Database& db, const Registry& registry, std::string instance_name)
      : db_(db), registry_(registry), instance_(std::move(instance_name)) {}
  ~Workers() { Stop(); }
  void Start(int threads);
  void Stop();

 private:
  void Loop(int index);
  void Sleep(std::chrono::milliseconds duration);
  store::Database& db_;
  const Registry& registry_;
  std::string instance_;
  std::vector<std::thread> threads_;
  std::atomic<bool> stopping_{false};
  std::mutex mutex_;
  std::condition_variable wake_;
};

}  // namespace concord::jobs
