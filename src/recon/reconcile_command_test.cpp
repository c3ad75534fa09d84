// The command's contract: exit 0 when it ran, 1 for an invalid spec or input with nothing written.
#include "recon/reconcile_command.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace concord::recon {
namespace {

namespace fs = std::filesystem;

class ReconcileCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("recon_cmd_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    Write("left.csv", "id,v\n1,a\n2,b\n");
    Write("right.csv", "id,v\n1,a\n2,c\n");
    Write("spec.toml", "[left]\npath=\"left.csv\"\nkey=[\"id\"]\n[right]\npath=\"right.csv\"\n");
  }
  void TearDown() override { fs::remove_all(dir_); }
  void Write(const std::string& name, const std::string& text) { std::ofstream(dir_ / name) << text; }
  std::string Path(const std::string& name) const { return (dir_ / name).string(); }
  int Run(std::vector<std::string> args) {
    args.insert(args.begin(), "concord-reconcile");
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    return RunReconcileCli(static_cast<int>(argv.size()), argv.data());
  }
  fs::path dir_;
};

TEST_F(ReconcileCommand, ExitsZeroWhenItRanWhateverItFound) {
  EXPECT_EQ(Run({"--spec", Path("spec.toml"), "--out", Path("out.json")}), 0);
  EXPECT_TRUE(fs::exists(Path("out.json")));
}

TEST_F(ReconcileCommand, LeftAndRightOverrideTheSpec) {
  Write("other.csv", "id,v\n1,a\n2,b\n");
  EXPECT_EQ(Run({"--spec", Path("spec.toml"), "--right", Path("other.csv"), "--out", Path("out.csv")}), 0);
  std::ifstream in(Path("out.csv"));
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(text, "class,key,left_line,right_line,left_column,right_column,left_value,right_value,"
                  "left_normalized,right_normalized,message\r\n");  // everything matched
}

TEST_F(ReconcileCommand, InvalidSpecExitsOneAndWritesNothing) {
  Write("bad.toml", "[left]\npath=\"left.csv\"\nkey=[\"id\"]\nkye=1\n[right]\n");
  EXPECT_EQ(Run({"--spec", Path("bad.toml"), "--out", Path("out.json")}), 1);
  EXPECT_FALSE(fs::exists(Path("out.json")));
}

TEST_F(ReconcileCommand, InvalidInputExitsOneAndWritesNothing) {
  Write("right.csv", "emp,v\n1,a\n");
  EXPECT_EQ(Run({"--spec", Path("spec.toml"), "--out", Path("out.xlsx")}), 1);
  EXPECT_FALSE(fs::exists(Path("out.xlsx")));
  EXPECT_EQ(Run({"--spec", Path("spec.toml"), "--left", Path("missing.csv"), "--out", Path("out.csv")}), 1);
  EXPECT_FALSE(fs::exists(Path("out.csv")));
}

TEST_F(ReconcileCommand, UnknownOutputFormatExitsOne) {
  EXPECT_EQ(Run({"--spec", Path("spec.toml"), "--out", Path("out.txt")}), 1);
}

// The wiring the concord binary uses: a subcommand whose status surfaces through CLI11's app.exit().
TEST_F(ReconcileCommand, SubcommandReportsStatusThroughCli11) {
  Write("bad.toml", "[left]\npath=\"left.csv\"\nkey=[\"nope\"]\n[right]\n");
  for (const char* spec : {"spec.toml", "bad.toml"}) {
    CLI::App app{"concord"};
    AddReconcileCommand(app);
    std::vector<std::string> args = {"concord", "reconcile", "--spec", Path(spec), "--out", Path("sub.json")};
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    int code = 0;
    try {
      app.parse(static_cast<int>(argv.size()), argv.data());
    } catch (const CLI::ParseError& e) {
      code = app.exit(e);
    }
    EXPECT_EQ(code, std::string(spec) == "spec.toml" ? 0 : 1) << spec;
  }
}

}  // namespace
}  // namespace concord::recon
