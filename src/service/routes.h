// The service desk's HTTP routes: /api/v1/cases (+ timeline, SLA, merge, macros, reminders),
// /api/v1/queues, /api/v1/sla-policies, /api/v1/service-calendars, /api/v1/macros, inbound mail and
// the reports.
#pragma once

#include "api/api.h"
#include "io/table.h"
#include "server/router.h"
#include "service/desk.h"

namespace concord::service {

void InstallRoutes(http::Router& router, ServiceDesk& desk);
void InstallConfigRoutes(http::Router& router, ServiceDesk& desk);
void InstallReportRoutes(http::Router& router, ServiceDesk& desk);
void InstallQualityRoutes(http::Router& router, ServiceDesk& desk);
void InstallBoardRoutes(http::Router& router, ServiceDesk& desk);
void InstallAttachmentRoutes(http::Router& router, ServiceDesk& desk);

// A report's period from the query: from/to as dates (to inclusive) or instants, as ISO-8601 UTC
// [from, to); default the last 30 days.
struct ReportPeriod {
  std::string from, to;
};
Result<ReportPeriod> ReportPeriodFrom(const http::Request& request, Instant now);

// A keyset page as the API returns it: {items, next_cursor (when the page is full), total}.
template <class Page>
http::Response PageResponse(const Page& page, int limit) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& item : page.items) items.push_back(ToJson(item));
  nlohmann::json next;
  if (static_cast<int>(page.items.size()) == limit) next = api::MakeCursor(page.sort_keys.back(), page.items.back().id);
  return http::Response::Json({{"items", items}, {"next_cursor", next}, {"total", page.total}});
}

// An export table as a download: format "csv" or "xlsx", named <basename>.<format>.
inline Result<http::Response> TableDownload(const io::Table& table, const std::string& format,
                                            const std::string& basename) {
  if (format == "csv") return http::Response::Download(io::ToCsv(table), io::kCsvType, basename + ".csv");
  return http::Response::Download(TRY(io::ToXlsx(table)), io::kXlsxType, basename + ".xlsx");
}

}  // namespace concord::service
