#include "server/http.h"

#include <gtest/gtest.h>

namespace concord::http {
namespace {

TEST(HeadersTest, NamesAreCaseInsensitive) {
  Headers headers;
  headers["Content-Type"] = "text/plain";
  EXPECT_EQ(headers.count("content-type"), 1u);
  EXPECT_EQ(headers.count("CONTENT-TYPE"), 1u);
  headers["content-type"] = "application/json";
  EXPECT_EQ(headers.size(), 1u);
  EXPECT_EQ(headers["Content-Type"], "application/json");
  CaseInsensitiveLess less;
  EXPECT_TRUE(less("Accept", "content-type"));
  EXPECT_FALSE(less("b", "A"));
  EXPECT_TRUE(less("ab", "ABC"));
}

TEST(RequestTest, QueryHeaderAndCookie) {
  Request request;
  request.query.emplace("status", "active");
  request.query.emplace("status", "closed");
  request.headers["Authorization"] = "Bearer t";
  request.headers["Cookie"] = "theme=dark; concord_session=abc123;  quoted=\"v w\"; flag";
  EXPECT_EQ(request.Query("status"), "active");  // the first of repeated parameters
  EXPECT_EQ(request.Query("limit"), std::nullopt);
  EXPECT_EQ(request.Header("authorization"), "Bearer t");
  EXPECT_EQ(request.Header("X-Missing"), std::nullopt);
  EXPECT_EQ(request.Cookie("concord_session"), "abc123");
  EXPECT_EQ(request.Cookie("theme"), "dark");
  EXPECT_EQ(request.Cookie("quoted"), "v w");
  EXPECT_EQ(request.Cookie("flag"), std::nullopt);
  EXPECT_EQ(request.Cookie("session"), std::nullopt);  // no prefix or suffix matches
  EXPECT_EQ(Request{}.Cookie("theme"), std::nullopt);
}

TEST(ResponseTest, Bodies) {
  Response json = Response::Json({{"a", 1}}, 201);
  EXPECT_EQ(json.status, 201);
  EXPECT_EQ(json.headers["Content-Type"], "application/json");
  EXPECT_EQ(json.body, R"({"a":1})");

  Response text = Response::Text("hi");
  EXPECT_EQ(text.status, 200);
  EXPECT_EQ(text.headers["Content-Type"], "text/plain; charset=utf-8");

  Response none = Response::NoContent();
  EXPECT_EQ(none.status, 204);
  EXPECT_TRUE(none.body.empty());

  Response csv = Response::Download("a,b\n", "text/csv; charset=utf-8", "clients 2026\"x\".csv");
  EXPECT_EQ(csv.headers["Content-Type"], "text/csv; charset=utf-8");
  EXPECT_EQ(csv.headers["Content-Disposition"],
            "attachment; filename=\"clients 2026_x_.csv\"; filename*=UTF-8''clients%202026%22x%22.csv");
}

// RFC 9457 §3: type, title, status, detail, instance, plus our "code" and "errors" extension members.
TEST(ProblemTest, FromErrorWithFieldErrors) {
  Error error = Error::Invalid("client.legal_name_required", "The client needs a legal name.",
                               {{"legal_name", "required", "Enter the legal name."}});
  Response response = Response::Problem(error, "/api/v1/clients");
  EXPECT_EQ(response.status, 422);
  EXPECT_EQ(response.headers["Content-Type"], "application/problem+json");
  nlohmann::json body = nlohmann::json::parse(response.body);
  EXPECT_EQ(body, nlohmann::json::parse(R"({
    "type": "https://concord.dev/problems/client.legal_name_required",
    "title": "Unprocessable Content",
    "status": 422,
    "detail": "The client needs a legal name.",
    "instance": "/api/v1/clients",
    "code": "client.legal_name_required",
    "errors": [{"field": "legal_name", "code": "required", "message": "Enter the legal name."}]
  })"));
}

TEST(ProblemTest, WithoutCodeIsAboutBlank) {
  Response response = Response::Problem(Error{ErrorKind::kNotFound, "", "Nothing here.", {}});
  nlohmann::json body = nlohmann::json::parse(response.body);
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(body["type"], "about:blank");
  EXPECT_EQ(body["title"], "Not Found");
  EXPECT_FALSE(body.contains("code"));
  EXPECT_FALSE(body.contains("errors"));
  EXPECT_FALSE(body.contains("instance"));
}

TEST(ProblemTest, ExplicitStatus) {
  Response response = Response::ProblemWithStatus(405, "Method Not Allowed", Error::BadRequest("x.y", "No."));
  EXPECT_EQ(response.status, 405);
  EXPECT_EQ(nlohmann::json::parse(response.body)["status"], 405);
  EXPECT_EQ(nlohmann::json::parse(response.body)["title"], "Method Not Allowed");
}

}  // namespace
}  // namespace concord::http
