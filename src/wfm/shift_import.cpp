// The roster import: agents' shifts from CSV (agent, queue, date, start, end), checked whole before
// anything is written; each (queue, date) in the file is replaced by exactly its rows.
#include <map>

#include "io/csv.h"
#include "wfm/service.h"
#include "wfm/shifts.h"

namespace concord::wfm {

Result<ImportReport> WfmService::ImportShifts(const auth::Principal& caller, const std::string& csv,
                                              const std::string& file_name, const std::string& request_id) {
  const auto records = TRY(io::ParseCsv(csv, file_name));
  if (records.empty())
    return Error::Invalid("import.empty", file_name + " has no header row.",
                          {{file_name + ", line 1", "import.empty", "The file is empty."}});
  const std::vector<std::string> kColumns = {"agent", "queue", "date", "start", "end"};
  const CsvColumns column = TRY(ReadCsvHeader(records[0].fields, file_name, kColumns, kColumns));
  return db_.Transact<ImportReport>([&](store::Connection& c) -> Result<ImportReport> {
    std::vector<FieldError> errors;
    std::map<std::string, std::optional<Queue>> queues;
    std::map<std::pair<int64_t, std::string>, std::vector<Shift>> days;
    for (size_t r = 1; r < records.size(); ++r) {
      const auto& rec = records[r];
      if (rec.fields.size() != records[0].fields.size()) {
        errors.push_back({file_name + ", line " + std::to_string(rec.line), "import.field_count",
                          "Expected " + std::to_string(records[0].fields.size()) + " fields."});
        continue;
      }
      auto get = [&](const std::string& name) { return rec.fields[column.at(name)]; };
      auto where = [&](const std::string& name) { return CellPlace(file_name, rec.line, column, name); };
      const std::string key = get("queue");
      if (!queues.count(key)) queues[key] = TRY(FindQueueByKey(c, key));
      if (!queues[key]) {
        errors.push_back({where("queue"), "wfm.queue_unknown", "No queue has the key \"" + key + "\"."});
        continue;
      }
      Shift s{get("agent"), get("date"), ParseClock(get("start")).value_or(-1), -1};
      const std::string end = get("end");
      if (end == "24:00") s.end_min = 1440;
      else if (const auto e = ParseClock(end)) s.end_min = *e <= s.start_min ? *e + 1440 : *e;  // overnight
      else {
        errors.push_back({where("end"), "wfm.end_invalid", "An end is HH:MM (24:00 for midnight)."});
        s.end_min = s.start_min + 1;  // a stand-in, so the rest of the row is still judged
      }
      for (FieldError& e : CheckShift(s, "")) {
        e.field = where(e.field);
        errors.push_back(std::move(e));
      }
      days[{queues[key]->id, s.day}].push_back(std::move(s));
    }
    if (!errors.empty())
      return Error::Invalid("import.invalid",
                            file_name + " has " + std::to_string(errors.size()) + " error(s); nothing was imported.",
                            std::move(errors));
    ImportReport report;
    report.rows = static_cast<int64_t>(records.size() - 1);
    for (const auto& [key, shifts] : days)
      if (TRY(ReplaceShiftDay(c, key.first, key.second, shifts))) report.updated += static_cast<int64_t>(shifts.size());
    report.unchanged = report.rows - report.updated;
    nlohmann::json after = report.ToJson();
    after["file_name"] = file_name;
    TRY(audit::Append(c, caller.Actor(request_id), {"wfm_shifts", "import", std::nullopt, "import", nullptr, after}));
    return report;
  });
}

}  // namespace concord::wfm
