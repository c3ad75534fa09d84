#include "server/static_files.h"

#include <gtest/gtest.h>

#include <fstream>

namespace concord::http {
namespace {

namespace fs = std::filesystem;

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            ("concord_static_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(root_ / "assets");
    Write("index.html", "<!doctype html><title>concord</title>");
    Write("assets/app-3f2a.js", "console.log(1)");
    Write("favicon.svg", "<svg/>");
    fs::create_directories(root_.parent_path() / "concord_secret_dir");
  }
  void TearDown() override { fs::remove_all(root_); }
  void Write(const std::string& name, const std::string& text) { std::ofstream(root_ / name) << text; }
  Response Get(const std::string& path) {
    Request request;
    request.method = "GET";
    request.path = path;
    return *StaticFiles(root_.string()).Serve(request);
  }
  fs::path root_;
};

TEST_F(StaticFilesTest, ServesFilesWithTypesAndCaching) {
  Response asset = Get("/assets/app-3f2a.js");
  EXPECT_EQ(asset.status, 200);
  EXPECT_EQ(asset.body, "console.log(1)");
  EXPECT_EQ(asset.headers["Content-Type"], "text/javascript; charset=utf-8");
  EXPECT_EQ(asset.headers["Cache-Control"], "public, max-age=31536000, immutable");

  Response icon = Get("/favicon.svg");
  EXPECT_EQ(icon.headers["Content-Type"], "image/svg+xml");
  EXPECT_EQ(icon.headers["Cache-Control"], "no-cache");
}

TEST_F(StaticFilesTest, UnknownPathsFallBackToIndex) {
  for (std::string path : {"/", "/clients/42", "/recon/runs", "/assets"}) {
    SCOPED_TRACE(path);
    Response response = Get(path);
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.headers["Content-Type"], "text/html; charset=utf-8");
    EXPECT_EQ(response.headers["Cache-Control"], "no-cache");
    EXPECT_EQ(response.body, "<!doctype html><title>concord</title>");
  }
}

TEST_F(StaticFilesTest, MissingAssetIs404NotHtml) { EXPECT_EQ(Get("/assets/app-old.js").status, 404); }

TEST_F(StaticFilesTest, RefusesToLeaveTheRoot) {
  EXPECT_EQ(Get("/../concord_secret_dir").status, 404);
  EXPECT_EQ(Get("/assets/../../etc/passwd").status, 404);
}

TEST_F(StaticFilesTest, Disabled) {
  Request request;
  request.path = "/";
  EXPECT_FALSE(StaticFiles("").Serve(request).has_value());
}

TEST(ContentTypeTest, ByExtension) {
  EXPECT_EQ(ContentTypeFor("index.HTML"), "text/html; charset=utf-8");
  EXPECT_EQ(ContentTypeFor("app.css"), "text/css; charset=utf-8");
  EXPECT_EQ(ContentTypeFor("font.woff2"), "font/woff2");
  EXPECT_EQ(ContentTypeFor("data.json"), "application/json");
  EXPECT_EQ(ContentTypeFor("README"), "application/octet-stream");
}

}  // namespace
}  // namespace concord::http
