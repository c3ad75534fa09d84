#include <gtest/gtest.h>

#include "server/router.h"

namespace concord::http {
namespace {

using nlohmann::json;

Response Ok(Context&) { return Response::NoContent(); }

class OpenApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    router_.Add("GET", "/api/v1/clients", Ok,
                {.summary = "List clients",
                 .tag = "clients",
                 .response = {{"type", "object"}},
                 .query = {"q", "limit", "cursor"}});
    router_.Add("POST", "/api/v1/clients", Ok,
                {.summary = "Create a client",
                 .tag = "clients",
                 .request_body = {{"type", "object"}, {"required", {"legal_name"}}},
                 .response = {{"type", "object"}},
                 .success_status = 201});
    router_.Add("GET", "/api/v1/clients/{id}/contacts/{contact_id}", Ok,
                {.summary = "One contact", .tag = "clients"});
    router_.Add("POST", "/api/v1/auth/login", Ok, {.summary = "Sign in", .tag = "auth", .auth = false});
    router_.Add("DELETE", "/api/v1/clients/{id}", Ok,
                {.summary = "Delete", .tag = "clients", .success_status = 204});
    doc_ = router_.OpenApi("concord", "0.1.0");
  }
  Router router_;
  json doc_;
};

TEST_F(OpenApiTest, DocumentHeader) {
  EXPECT_EQ(doc_["openapi"], "3.1.0");
  EXPECT_EQ(doc_["info"], json({{"title", "concord"}, {"version", "0.1.0"}}));
  EXPECT_EQ(doc_["tags"], json::parse(R"([{"name":"auth"},{"name":"clients"}])"));
  EXPECT_EQ(doc_["components"]["securitySchemes"], json::parse(R"({
    "session": {"type": "apiKey", "in": "cookie", "name": "concord_session"},
    "bearer": {"type": "http", "scheme": "bearer"}})"));
  EXPECT_EQ(
      doc_["components"]["responses"]["Problem"]["content"]["application/problem+json"]["schema"]["$ref"],
      "#/components/schemas/Problem");
}

// The test the architecture asks for: the document has exactly the registered routes.
TEST_F(OpenApiTest, EveryRouteAndNothingElse) {
  std::set<std::pair<std::string, std::string>> documented, registered;
  for (const auto& [path, operations] : doc_["paths"].items()) {
    for (const auto& [method, op] : operations.items()) documented.insert({path, method});
  }
  for (const Route& route : router_.routes()) {
    std::string method = route.method;
    for (char& c : method) c = static_cast<char>(std::tolower(c));
    registered.insert({route.pattern, method});
  }
  EXPECT_EQ(documented, registered);
}

TEST_F(OpenApiTest, ListOperation) {
  const json& op = doc_["paths"]["/api/v1/clients"]["get"];
  EXPECT_EQ(op["summary"], "List clients");
  EXPECT_EQ(op["tags"], json({"clients"}));
  EXPECT_EQ(op["operationId"], "get_api_v1_clients");
  EXPECT_EQ(op["parameters"].size(), 3u);
  EXPECT_EQ(op["parameters"][0],
            json::parse(R"({"name":"q","in":"query","required":false,"schema":{"type":"string"}})"));
  EXPECT_EQ(op["responses"]["200"]["content"]["application/json"]["schema"], json({{"type", "object"}}));
  EXPECT_EQ(op["responses"]["401"]["$ref"], "#/components/responses/Problem");
  EXPECT_EQ(op["responses"]["404"]["$ref"], "#/components/responses/Problem");
  EXPECT_FALSE(op.contains("requestBody"));
  EXPECT_FALSE(op["responses"].contains("422"));
  EXPECT_EQ(op["security"], json::parse(R"([{"session": []}, {"bearer": []}])"));
}

TEST_F(OpenApiTest, CreateOperation) {
  const json& op = doc_["paths"]["/api/v1/clients"]["post"];
  EXPECT_EQ(op["requestBody"]["required"], true);
  EXPECT_EQ(op["requestBody"]["content"]["application/json"]["schema"]["required"], json({"legal_name"}));
  EXPECT_TRUE(op["responses"].contains("201"));
  EXPECT_FALSE(op["responses"].contains("200"));
  EXPECT_EQ(op["responses"]["422"]["$ref"], "#/components/responses/Problem");
}

TEST_F(OpenApiTest, PathParameters) {
  const json& op = doc_["paths"]["/api/v1/clients/{id}/contacts/{contact_id}"]["get"];
  EXPECT_EQ(op["parameters"], json::parse(R"([
    {"name":"id","in":"path","required":true,"schema":{"type":"string"}},
    {"name":"contact_id","in":"path","required":true,"schema":{"type":"string"}}])"));
  EXPECT_EQ(op["operationId"], "get_api_v1_clients_id_contacts_contact_id");
}

TEST_F(OpenApiTest, PublicRouteHasNoSecurity) {
  const json& op = doc_["paths"]["/api/v1/auth/login"]["post"];
  EXPECT_EQ(op["security"], json::array());
  EXPECT_FALSE(op["responses"].contains("401"));
  EXPECT_FALSE(op.contains("parameters"));
}

TEST_F(OpenApiTest, NoContentHasNoBody) {
  const json& op = doc_["paths"]["/api/v1/clients/{id}"]["delete"];
  EXPECT_TRUE(op["responses"].contains("204"));
  EXPECT_FALSE(op["responses"]["204"].contains("content"));
}

}  // namespace
}  // namespace concord::http
