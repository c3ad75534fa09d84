// The OpenAPI document is generated from the registered routes; these tests keep it complete and
// self-consistent: every route appears with its method, every $ref resolves, every route says what it does.
#include <gtest/gtest.h>

#include <functional>

#include "app/platform.h"
#include "store/testing.h"

namespace concord::app {
namespace {

class OpenApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fresh_ = store::testing::MakeFreshDatabase("sqlite");
    setenv("CONCORD_KEY", crypto::FieldKey::Generate().ToBase64().c_str(), 1);
    platform_ = OpenPlatform(Config{fresh_->url, ""}, true).value();
    InstallRoutes(router_, *platform_);
    http::Request request;
    request.method = "GET";
    request.path = request.target = "/api/v1/openapi.json";
    std::string route;
    doc_ = nlohmann::json::parse(router_.Dispatch(request, &route).body);
  }
  void TearDown() override { unsetenv("CONCORD_KEY"); }
  std::unique_ptr<store::testing::FreshDatabase> fresh_;
  std::unique_ptr<Platform> platform_;
  http::Router router_;
  nlohmann::json doc_;
};

TEST_F(OpenApiTest, EveryRouteIsDocumentedWithASummary) {
  ASSERT_EQ(doc_["openapi"], "3.1.0");
  size_t operations = 0;
  for (const auto& route : router_.routes()) {
    std::string method = route.method;
    std::transform(method.begin(), method.end(), method.begin(), ::tolower);
    ASSERT_TRUE(doc_["paths"].contains(route.pattern)) << route.pattern;
    ASSERT_TRUE(doc_["paths"][route.pattern].contains(method)) << route.method << " " << route.pattern;
    EXPECT_FALSE(doc_["paths"][route.pattern][method].value("summary", "").empty()) << route.pattern;
    ++operations;
  }
  size_t documented = 0;
  for (const auto& [path, item] : doc_["paths"].items()) {
    for (const auto& [method, op] : item.items()) {
      if (method != "parameters") ++documented;
    }
  }
  EXPECT_EQ(documented, operations) << "the document lists operations no route serves";
}

TEST_F(OpenApiTest, EveryReferenceResolves) {
  std::function<void(const nlohmann::json&)> walk = [&](const nlohmann::json& node) {
    if (node.is_object()) {
      if (auto ref = node.find("$ref"); ref != node.end()) {
        const std::string text = *ref;
        ASSERT_TRUE(text.starts_with("#/")) << text;
        nlohmann::json::json_pointer pointer(text.substr(1));
        EXPECT_TRUE(doc_.contains(pointer)) << "unresolved " << text;
      }
      for (const auto& [key, value] : node.items()) walk(value);
    } else if (node.is_array()) {
      for (const auto& value : node) walk(value);
    }
  };
  walk(doc_);
}

TEST_F(OpenApiTest, ClientRoutesAreThere) {
  for (const char* path : {"/api/v1/clients", "/api/v1/clients/{id}", "/api/v1/clients/{id}/contacts",
                           "/api/v1/clients/import", "/api/v1/auth/login", "/api/v1/audit", "/api/v1/jobs/{id}"}) {
    EXPECT_TRUE(doc_["paths"].contains(path)) << path;
  }
}

}  // namespace
}  // namespace concord::app
