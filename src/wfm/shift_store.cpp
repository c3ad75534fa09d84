// Agents' shifts: stored per queue and local day; a day is replaced whole (what a roster import means).
#include "wfm/wfm_store.h"

#include <algorithm>
#include <tuple>

namespace concord::wfm {

Result<std::vector<Shift>> LoadShifts(store::Connection& conn, int64_t queue_id, const std::string& from,
                                      const std::string& to) {
  const auto rows = TRY(conn.Query(
      "SELECT a.name, s.day, s.start_min, s.end_min FROM wfm_shifts s JOIN wfm_agents a ON a.id = s.agent_id "
      "WHERE s.queue_id = ? AND s.day >= ? AND s.day <= ? ORDER BY s.day, s.start_min, a.name",
      {queue_id, from, to}));
  std::vector<Shift> out;
  for (const auto& r : rows)
    out.push_back({r.Text(0), r.Text(1), static_cast<int>(r.Int(2)), static_cast<int>(r.Int(3))});
  return out;
}

Result<bool> ReplaceShiftDay(store::Connection& conn, int64_t queue_id, const std::string& day,
                             const std::vector<Shift>& shifts) {
  auto order = [](std::vector<Shift> v) {
    std::sort(v.begin(), v.end(), [](const Shift& a, const Shift& b) {
      return std::tie(a.start_min, a.agent, a.end_min) < std::tie(b.start_min, b.agent, b.end_min);
    });
    return v;
  };
  if (order(TRY(LoadShifts(conn, queue_id, day, day))) == order(shifts)) return false;
  TRY(conn.Execute("DELETE FROM wfm_shifts WHERE queue_id = ? AND day = ?", {queue_id, day}));
  for (const Shift& s : shifts) {
    TRY(conn.Execute("INSERT INTO wfm_agents (name) VALUES (?) ON CONFLICT (name) DO NOTHING", {s.agent}));
    const int64_t agent = TRY(conn.QueryOne("SELECT id FROM wfm_agents WHERE name = ?", {s.agent})).Int(0);
    TRY(conn.Execute("INSERT INTO wfm_shifts (queue_id, agent_id, day, start_min, end_min) VALUES (?, ?, ?, ?, ?)",
                     {queue_id, agent, day, int64_t{s.start_min}, int64_t{s.end_min}}));
  }
  return true;
}

}  // namespace concord::wfm
