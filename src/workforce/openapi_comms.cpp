// OpenAPI component schemas of the communication records, from their TableMaps and InputSpecs.
#include "workforce/comms_records.h"
#include "workforce/knowledge.h"
#include "workforce/payroll_ticket.h"
#include "workforce/routes.h"
#include "workforce/routes_comms.h"

namespace concord::workforce {

nlohmann::json CommsComponentSchemas() {
  nlohmann::json step = {{"type", "object"},
                         {"properties",
                          {{"note", {{"type", "string"}}},
                           {"resolution", {{"type", "string"}, {"description", "required to resolve"}}},
                           {"payroll_reference", {{"type", "string"}}},
                           {"due_date", {{"type", "string"}, {"format", "date"}}}}}};
  nlohmann::json citations = {
      {"type", "array"},
      {"items",
       {{"type", "object"},
        {"required", {"label"}},
        {"properties", {{"label", {{"type", "string"}}}, {"url", {{"type", "string"}, {"format", "uri"}}}}}}}};
  nlohmann::json article_input = InputSchema(KnowledgeInput());
  article_input["properties"]["citations"] = citations;
  nlohmann::json article = RecordSchema(KnowledgeTable());
  article["properties"]["citations"] = citations;
  article["properties"]["reply_text"] = {{"type", "string"}, {"readOnly", true}};
  nlohmann::json question = {
      {"type", "object"},
      {"required", {"question", "to"}},
      {"properties",
       {{"question", {{"type", "string"}}},
        {"to", {{"type", "string"}, {"enum", kLevelTwoTargets}}},
        {"due_date", {{"type", "string"}, {"format", "date"}}},
        {"article_id", {{"type", "integer"}}}}}};
  return {{"KnowledgeArticle", article},
          {"KnowledgeArticleInput", article_input},
          {"LevelTwoQuestion", question},
          {"PayrollTicket", RecordSchema(PayrollTicketTable())},
          {"PayrollTicketInput", InputSchema(PayrollTicketInput())},
          {"PayrollTicketUpdate", InputSchema(PayrollTicketUpdateInput())},
          {"PayrollTicketStep", step},
          {"ChatImport",
           {{"type", "object"},
            {"required", {"files"}},
            {"properties",
             {{"files",
               {{"type", "array"},
                {"items",
                 {{"type", "object"},
                  {"properties",
                   {{"name", {{"type", "string"}, {"description", "path in the export: users.json, general/2026-11-20.json"}}},
                    {"content", {{"type", "string"}, {"description", "the file's JSON text"}}}}}}}}}}}}}};
}

}  // namespace concord::workforce
