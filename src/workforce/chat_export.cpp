#include "workforce/chat_export.h"

#include <algorithm>
#include <array>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/date.h"

namespace concord::workforce {
namespace {

using nlohmann::json;

Error Bad(const std::string& file, int line, const std::string& field, const std::string& message) {
  const std::string where = file + (line > 0 ? ", line " + std::to_string(line) : "") +
                            (field.empty() ? "" : " (" + field + ")");
  return Error::Invalid("chat.invalid", where + ": " + message, {{where, "chat.invalid", message}});
}

int LineAt(const std::string& text, size_t offset) {
  offset = std::min(offset, text.size());
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

Result<json> ParseFile(const ChatFile& file) {
  try {
    return json::parse(file.content);
  } catch (const json::parse_error& e) {
    return Bad(file.name, LineAt(file.content, e.byte > 0 ? e.byte - 1 : 0), "", "not valid JSON");
  }
}

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::string Member(const json& object, const std::string& name) {
  const auto it = object.find(name);
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

bool EndsWith(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// The folder a file sits in: "payroll-help" of "export/payroll-help/2026-11-20.json".
std::string Folder(const std::string& path) {
  const auto slash = path.rfind('/');
  if (slash == std::string::npos) return "";
  const auto before = path.rfind('/', slash - 1);
  return path.substr(before == std::string::npos ? 0 : before + 1, slash - (before == std::string::npos ? 0 : before + 1));
}

}  // namespace

std::vector<int> ObjectLines(const std::string& text, int depth) {
  std::vector<int> lines;
  int level = 0, line = 1;
  bool in_string = false, escaped = false;
  for (char ch : text) {
    if (ch == '\n') ++line;
    if (in_string) {
      if (escaped) escaped = false;
      else if (ch == '\\') escaped = true;
      else if (ch == '"') in_string = false;
      continue;
    }
    if (ch == '"') in_string = true;
    if (ch == '{' || ch == '[') {
      if (ch == '{' && level == depth) lines.push_back(line);
      ++level;
    }
    if (ch == '}' || ch == ']') --level;
  }
  return lines;
}

Result<std::vector<ChatMessage>> ParseSlackExport(const std::vector<ChatFile>& files) {
  std::map<std::string, std::pair<std::string, std::string>> users;  // id → (email, name)
  bool have_users = false;
  for (const auto& file : files) {
    if (!EndsWith(file.name, "users.json")) continue;
    have_users = true;
    const json list = TRY(ParseFile(file));
    if (!list.is_array()) return Bad(file.name, 1, "", "users.json must be an array of users");
    const auto lines = ObjectLines(file.content, 1);
    for (size_t i = 0; i < list.size(); ++i) {
      const json& u = list[i];
      const int line = i < lines.size() ? lines[i] : 0;
      if (!u.is_object() || Member(u, "id").empty()) return Bad(file.name, line, "id", "every user needs an id");
      const json profile = u.value("profile", json::object());
      std::string name = Member(profile, "real_name");
      if (name.empty()) name = Member(u, "real_name");
      if (name.empty()) name = Member(u, "name");
      users[Member(u, "id")] = {Lower(Member(profile, "email")), name};
    }
  }
  if (!have_users) return Bad("users.json", 0, "", "the export's users.json is missing (it maps users to e-mails)");
  std::vector<ChatMessage> out;
  for (const auto& file : files) {
    if (EndsWith(file.name, ".json") == false) return Bad(file.name, 0, "", "not a JSON file of the export");
    if (EndsWith(file.name, "users.json") || EndsWith(file.name, "channels.json") ||
        EndsWith(file.name, "integration_logs.json") || EndsWith(file.name, "groups.json") ||
        EndsWith(file.name, "dms.json") || EndsWith(file.name, "mpims.json")) {
      continue;
    }
    const std::string channel = Folder(file.name);
    if (channel.empty()) return Bad(file.name, 0, "", "a day's messages sit in their channel's folder: <channel>/<day>.json");
    const json list = TRY(ParseFile(file));
    if (!list.is_array()) return Bad(file.name, 1, "", "a day file must be an array of messages");
    const auto lines = ObjectLines(file.content, 1);
    for (size_t i = 0; i < list.size(); ++i) {
      const json& m = list[i];
      const int line = i < lines.size() ? lines[i] : 0;
      if (!m.is_object()) return Bad(file.name, line, "", "a message must be an object");
      if (Member(m, "type") != "message" || !Member(m, "subtype").empty()) continue;
      const std::string ts = Member(m, "ts");
      const auto dot = ts.find('.');
      const std::string seconds = ts.substr(0, dot);
      if (seconds.empty() || seconds.size() > 12 || !std::all_of(seconds.begin(), seconds.end(), ::isdigit)) {
        return Bad(file.name, line, "ts", "'" + ts + "' is not a Slack timestamp like 1763650800.000200");
      }
      if (Member(m, "user").empty()) return Bad(file.name, line, "user", "the message has no user");
      if (!m.contains("text") || !m["text"].is_string()) return Bad(file.name, line, "text", "the message has no text");
      const auto user = users.find(Member(m, "user"));
      if (user == users.end()) {
        return Bad(file.name, line, "user", "user " + Member(m, "user") + " is not in users.json");
      }
      out.push_back({"slack", channel, channel + "/" + ts, user->second.first, user->second.second, Member(m, "text"),
                     Instant::FromUnixSeconds(std::stoll(seconds)).ToString(), file.name, line});
    }
  }
  return out;
}

std::string GoogleChatTime(const std::string& created_date) {
  // "Friday, November 20, 2026 at 3:00:00 PM UTC" or "Friday, 20 November 2026 at 15:00:00 UTC".
  static const std::array<std::string, 12> kMonths = {"january", "february", "march",     "april",   "may",      "june",
                                                      "july",    "august",   "september", "october", "november", "december"};
  std::string text = Lower(created_date);
  const auto comma = text.find(", ");
  const auto at = text.find(" at ");
  if (comma == std::string::npos || at == std::string::npos || at < comma) return "";
  std::string day_part = text.substr(comma + 2, at - comma - 2);
  std::replace(day_part.begin(), day_part.end(), ',', ' ');
  std::istringstream d(day_part);
  std::string a, b, c;
  d >> a >> b >> c;
  std::string month_name = std::isdigit(static_cast<unsigned char>(a[0])) ? b : a;
  std::string day = std::isdigit(static_cast<unsigned char>(a[0])) ? a : b;
  const auto month = std::find(kMonths.begin(), kMonths.end(), month_name);
  if (month == kMonths.end() || day.empty() || c.size() != 4) return "";
  std::istringstream t(text.substr(at + 4));
  std::string clock, meridiem, zone;
  t >> clock >> meridiem >> zone;
  if (meridiem == "utc") zone = "utc", meridiem.clear();
  if (zone != "utc") return "";
  int h = 0, m = 0, s = 0;
  if (std::sscanf(clock.c_str(), "%d:%d:%d", &h, &m, &s) != 3 || h > 23 || m > 59 || s > 59) return "";
  if (meridiem == "pm" && h < 12) h += 12;
  if (meridiem == "am" && h == 12) h = 0;
  auto date = Date::FromYmd(std::stoi(c), static_cast<unsigned>(month - kMonths.begin() + 1),
                            static_cast<unsigned>(std::stoi(day)));
  if (!date.ok()) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02dZ", date->ToString().c_str(), h, m, s);
  return buf;
}

Result<std::vector<ChatMessage>> ParseGoogleChatExport(const std::vector<ChatFile>& files) {
  std::vector<ChatMessage> out;
  bool any = false;
  for (const auto& file : files) {
    if (!EndsWith(file.name, "messages.json")) continue;
    any = true;
    const std::string space = Folder(file.name);
    const json doc = TRY(ParseFile(file));
    if (!doc.is_object() || !doc.contains("messages") || !doc["messages"].is_array()) {
      return Bad(file.name, 1, "messages", "a Takeout messages.json has a \"messages\" array");
    }
    const auto lines = ObjectLines(file.content, 2);
    const json& list = doc["messages"];
    for (size_t i = 0; i < list.size(); ++i) {
      const json& m = list[i];
      const int line = i < lines.size() ? lines[i] : 0;
      if (!m.is_object()) return Bad(file.name, line, "", "a message must be an object");
      const json creator = m.value("creator", json::object());
      if (!creator.is_object() || Member(creator, "email").empty()) {
        return Bad(file.name, line, "creator.email", "the message has no creator e-mail");
      }
      if (Member(m, "message_id").empty()) return Bad(file.name, line, "message_id", "the message has no message_id");
      const std::string when = GoogleChatTime(Member(m, "created_date"));
      if (when.empty()) {
        return Bad(file.name, line, "created_date",
                   "'" + Member(m, "created_date") + "' is not a date like \"Friday, November 20, 2026 at 3:00:00 PM UTC\"");
      }
      out.push_back({"google_chat", space, Member(m, "message_id"), Lower(Member(creator, "email")),
                     Member(creator, "name"), Member(m, "text"), when, file.name, line});
    }
  }
  if (!any) return Bad("messages.json", 0, "", "no Google Chat messages.json in the export");
  return out;
}

}  // namespace concord::workforce
