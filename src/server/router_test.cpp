#include "server/router.h"

#include <gtest/gtest.h>

namespace concord::http {
namespace {

Handler Answer(std::string name) {
  return [name](Context& context) {
    nlohmann::json params = context.params;
    return Response::Json({{"handler", name}, {"params", params}, {"route", context.route}});
  };
}

Request Req(std::string method, std::string path) {
  Request request;
  request.method = std::move(method);
  request.path = std::move(path);
  request.request_id = "rid";
  return request;
}

nlohmann::json Body(const Response& response) { return nlohmann::json::parse(response.body); }

class RouterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    router_.Add("GET", "/api/v1/clients", Answer("list"));
    router_.Add("POST", "/api/v1/clients", Answer("create"));
    router_.Add("GET", "/api/v1/clients/{id}", Answer("get"));
    router_.Add("PATCH", "/api/v1/clients/{id}", Answer("patch"));
    router_.Add("GET", "/api/v1/clients/export.csv", Answer("export"));  // added after {id}: still wins
    router_.Add("GET", "/api/v1/clients/{id}/contacts/{contact_id}", Answer("contact"));
    router_.Add("GET", "/api/v1/{kind}/summary", Answer("kind_summary"));
    router_.Add("GET", "/api/v1/clients/{id}/summary", Answer("client_summary"));
  }
  Router router_;
};

struct MatchCase {
  std::string method;
  std::string path;
  std::string handler;  // "" = no match
  std::string route;
  nlohmann::json params;
};

TEST_F(RouterTest, MatchesPatterns) {
  const std::vector<MatchCase> cases = {
      {"GET", "/api/v1/clients", "list", "/api/v1/clients", nlohmann::json::object()},
      {"POST", "/api/v1/clients", "create", "/api/v1/clients", nlohmann::json::object()},
      {"GET", "/api/v1/clients/42", "get", "/api/v1/clients/{id}", {{"id", "42"}}},
      {"PATCH", "/api/v1/clients/42", "patch", "/api/v1/clients/{id}", {{"id", "42"}}},
      {"GET", "/api/v1/clients/export.csv", "export", "/api/v1/clients/export.csv", nlohmann::json::object()},
      {"GET",
       "/api/v1/clients/7/contacts/9",
       "contact",
       "/api/v1/clients/{id}/contacts/{contact_id}",
       {{"id", "7"}, {"contact_id", "9"}}},
      // Literal "clients" at segment 3 beats {kind}, although {kind}/summary was registered first.
      {"GET", "/api/v1/clients/summary", "get", "/api/v1/clients/{id}", {{"id", "summary"}}},
      {"GET", "/api/v1/clients/5/summary", "client_summary", "/api/v1/clients/{id}/summary", {{"id", "5"}}},
      {"GET", "/api/v1/workers/summary", "kind_summary", "/api/v1/{kind}/summary", {{"kind", "workers"}}},
      {"HEAD", "/api/v1/clients/42", "get", "/api/v1/clients/{id}", {{"id", "42"}}},  // HEAD uses GET
  };
  for (const MatchCase& c : cases) {
    SCOPED_TRACE(c.method + " " + c.path);
    std::string route;
    Response response = router_.Dispatch(Req(c.method, c.path), &route);
    ASSERT_EQ(response.status, 200) << response.body;
    EXPECT_EQ(Body(response)["handler"], c.handler);
    EXPECT_EQ(Body(response)["params"], c.params);
    EXPECT_EQ(Body(response)["route"], c.route);
    EXPECT_EQ(route, c.route);
  }
}

TEST_F(RouterTest, UnknownPathIs404Problem) {
  for (std::string path : {"/api/v1/nothing", "/api/v1/clients/", "/api/v1/clients/1/contacts", "/", ""}) {
    SCOPED_TRACE(path);
    std::string route = "stale";
    Response response = router_.Dispatch(Req("GET", path), &route);
    EXPECT_EQ(response.status, 404);
    EXPECT_EQ(response.headers["Content-Type"], "application/problem+json");
    EXPECT_EQ(Body(response)["code"], "route.not_found");
    EXPECT_EQ(route, "");
  }
}

TEST_F(RouterTest, WrongMethodIs405WithAllow) {
  Response response = router_.Dispatch(Req("DELETE", "/api/v1/clients/42"), nullptr);
  EXPECT_EQ(response.status, 405);
  EXPECT_EQ(response.headers["Allow"], "GET, HEAD, PATCH");
  EXPECT_EQ(response.headers["Content-Type"], "application/problem+json");
  EXPECT_EQ(Body(response)["status"], 405);
  EXPECT_EQ(Body(response)["title"], "Method Not Allowed");
  EXPECT_EQ(router_.Dispatch(Req("PUT", "/api/v1/clients"), nullptr).headers["Allow"], "GET, HEAD, POST");
}

TEST_F(RouterTest, HasPath) {
  EXPECT_TRUE(router_.HasPath("/api/v1/clients/1"));
  EXPECT_FALSE(router_.HasPath("/clients/1"));
}

TEST(RouterMiddlewareTest, RunsInOrderAndSeesTheRoute) {
  Router router;
  std::vector<std::string> calls;
  router.Use([&](Context& context, const Route& route, const Handler& next) {
    calls.push_back("first " + route.pattern);
    if (route.doc.auth && !context.request.Header("Authorization")) {
      return Response::Problem(Error::Unauthorized("auth.required", "Sign in."));
    }
    context.principal = std::make_shared<std::string>("alice");
    return next(context);
  });
  router.Use([&](Context& context, const Route&, const Handler& next) {
    calls.push_back("second");
    Response response = next(context);
    response.headers["X-Second"] = "yes";
    return response;
  });
  router.Add("GET", "/public", [&](Context&) { return Response::Text("open"); }, {.auth = false});
  router.Add("GET", "/private", [&](Context& context) {
    calls.push_back("handler");
    return Response::Text(*std::static_pointer_cast<std::string>(context.principal));
  });

  EXPECT_EQ(router.Dispatch(Req("GET", "/private"), nullptr).status, 401);
  EXPECT_EQ(calls, (std::vector<std::string>{"first /private"}));
  calls.clear();

  Request authorized = Req("GET", "/private");
  authorized.headers["Authorization"] = "Bearer x";
  Response response = router.Dispatch(authorized, nullptr);
  EXPECT_EQ(response.body, "alice");
  EXPECT_EQ(response.headers["X-Second"], "yes");
  EXPECT_EQ(calls, (std::vector<std::string>{"first /private", "second", "handler"}));

  EXPECT_EQ(router.Dispatch(Req("GET", "/public"), nullptr).body, "open");
}

TEST(RouterErrorTest, HandlerExceptionIs500Problem) {
  Router router;
  router.Add("GET", "/boom", [](Context&) -> Response { throw std::runtime_error("SELECT secret FROM t"); });
  std::string route;
  Response response = router.Dispatch(Req("GET", "/boom"), &route);
  EXPECT_EQ(response.status, 500);
  EXPECT_EQ(response.headers["Content-Type"], "application/problem+json");
  EXPECT_EQ(route, "/boom");
  EXPECT_EQ(response.body.find("secret"), std::string::npos);  // internals stay in the log
  EXPECT_NE(response.body.find("rid"), std::string::npos);     // the request id is quoted
}

}  // namespace
}  // namespace concord::http
