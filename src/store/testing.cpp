#include "store/testing.h"

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <stdexcept>

namespace concord::store::testing {

std::vector<std::string> Backends() {
  std::vector<std::string> out{"sqlite"};
  const char* pg = std::getenv("CONCORD_TEST_PG_URL");
  if (pg && *pg) out.push_back("postgres");
  return out;
}

static std::string UniqueName(const std::string& prefix) {
  static std::atomic<int> counter{0};
  std::random_device rd;
  return prefix + std::to_string(rd() % 1000000) + "_" + std::to_string(counter++);
}

std::unique_ptr<FreshDatabase> MakeFreshDatabase(const std::string& backend) {
  auto fresh = std::make_unique<FreshDatabase>();
  if (backend == "sqlite") {
    auto dir = std::filesystem::temp_directory_path() / UniqueName("concord_test_");
    std::filesystem::create_directories(dir);
    fresh->url = (dir / "test.db").string();
    fresh->cleanup = [dir] { std::filesystem::remove_all(dir); };
  } else {
    const std::string base = std::getenv("CONCORD_TEST_PG_URL");
    const std::string schema = UniqueName("t");
    auto admin = Database::Open(base);
    if (!admin.ok()) throw std::runtime_error(admin.error().message);
    {
      auto conn = (*admin)->Acquire();
      if (!conn.ok()) throw std::runtime_error(conn.error().message);
      auto status = (*conn)->ExecuteScript("CREATE SCHEMA " + schema);
      if (!status.ok()) throw std::runtime_error(status.error().message);
    }
    const char sep = base.find('?') == std::string::npos ? '?' : '&';
    fresh->url = base + sep + "options=-csearch_path%3D" + schema;
    std::shared_ptr<Database> keep(std::move(admin).value());
    fresh->cleanup = [keep, schema] {
      auto conn = keep->Acquire();
      if (conn.ok()) (void)(*conn)->ExecuteScript("DROP SCHEMA " + schema + " CASCADE");
    };
  }
  auto db = Database::Open(fresh->url);
  if (!db.ok()) throw std::runtime_error(db.error().message);
  fresh->db = std::move(db).value();
  return fresh;
}

}  // namespace concord::store::testing
