// Reliability and security over real HTTP: bad parameters are 400 naming the parameter, unknown
// paths 404, no file outside the web folder is ever served, only GET and HEAD are answered, a
// port in use is a clear error, and stop() ends run().
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "floe/error.h"
#include "serve/test_server.h"

namespace floe::serve {
namespace {

using nlohmann::json;
using testing::TempDir;
using testing::TinyServer;

// A web folder with an index page, a script, and two symlinks: one to a file inside, one to a
// secret outside it.
struct WebFolder {
  WebFolder() {
    std::filesystem::create_directories(web / "js");
    std::ofstream(web / "index.html") << "<!doctype html><title>floe test</title>";
    std::ofstream(web / "js" / "app.js") << "export const x = 1;";
    std::ofstream(web / ".secret") << "hidden";
    std::ofstream(outside.path / "secret.txt") << "SECRET";
    std::filesystem::create_symlink(outside.path / "secret.txt", web / "leak.txt");
    std::filesystem::create_symlink(outside.path, web / "outside");
    std::filesystem::create_symlink(web / "js" / "app.js", web / "alias.js");
  }
  TempDir root, outside;
  std::filesystem::path web = root.path / "web";
};

class SecurityTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    folder_ = new WebFolder();
    server_ = new TinyServer(folder_->web);
  }
  static void TearDownTestSuite() {
    delete server_;
    delete folder_;
  }

  // The status of GET `path`, and that an error is JSON naming `parameter` when given.
  static json error(const std::string& path, int status) {
    auto res = server_->client().Get(path);
    EXPECT_TRUE(res) << path;
    if (!res) return {};
    EXPECT_EQ(res->status, status) << path << ": " << res->body;
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/json; charset=utf-8") << path;
    const json j = json::parse(res->body, nullptr, false);
    EXPECT_TRUE(j.is_object() && j.contains("error")) << path << ": " << res->body;
    return j;
  }

  static WebFolder* folder_;
  static TinyServer* server_;
};

WebFolder* SecurityTest::folder_ = nullptr;
TinyServer* SecurityTest::server_ = nullptr;

TEST_F(SecurityTest, BadParametersAre400NamingTheParameter) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"/api/states?limit=0", "limit"},
      {"/api/states?limit=-1", "limit"},
      {"/api/states?limit=ten", "limit"},
      {"/api/states?limit=1e3", "limit"},
      {"/api/states?limit=99999999999999999999", "limit"},
      {"/api/states?sort=nosuch", "sort"},
      {"/api/states?order=asc", "order"},
      {"/api/states?sort=name&order=up", "order"},
      {"/api/states?format=xml", "format"},
      {"/api/states?colour=blue", "colour"},
      {"/api/states?limit=1&limit=2", "limit"},
      {"/api/counties?state=Atlantis", "state"},
      {"/api/occupations?major=15", "major"},
      {"/api/occupations?min_employment=nan", "min_employment"},
      {"/api/scale?lo=0&hi=inf", "hi"},
      {"/api/scale?lo=0&hi=1e20", "hi"},  // once 200 with no breaks
      {"/api/scale?lo=-1e7&hi=1", "lo"},
      {"/api/occupations?min_employment=-5", "min_employment"},
      {"/api/scale?lo=0&hi=1&classes=40", "classes"},
      {"/api/meta?x=1", "x"},
      {"/api/map/counties?state=99", "state"},
  };
  for (const auto& [path, parameter] : cases) {
    EXPECT_EQ(error(path, 400)["parameter"], parameter) << path;
  }
}

// Values from the request in an error are quoted, cut to about 100 characters and escaped: a
// NUL once cut the message short ({"error":"no state '"}), a newline split it.
TEST_F(SecurityTest, ErrorsShowRequestValuesEscapedAndShort) {
  EXPECT_EQ(error("/api/states/%00evil", 404)["error"],
            "no state '\\0evil' (use a FIPS or USPS code)");
  const std::string control = error("/api/states?sort=%1b%5b2J%0a", 400)["error"];
  const std::string escaped = "parameter 'sort': no column '\\x1b[2J\\n' (columns: ";
  EXPECT_EQ(control.substr(0, escaped.size()), escaped) << control;
  const std::string big = error("/api/states?sort=" + std::string(5000, 'x'), 400)["error"];
  const std::string cut =
      "parameter 'sort': no column '" + std::string(100, 'x') + "'... (4900 more bytes) (";
  EXPECT_EQ(big.substr(0, cut.size()), cut) << big;
}

TEST_F(SecurityTest, UnknownPathsAre404) {
  EXPECT_NE(error("/api/nope", 404)["error"].get<std::string>().find("/api/nope"),
            std::string::npos);
  error("/api", 404);
  error("/api/states/AL/salaries", 404);
  error("/no-such-page.html", 404);
}

TEST_F(SecurityTest, ServesTheWebFolder) {
  auto c = server_->client();
  auto index = c.Get("/");
  ASSERT_TRUE(index);
  EXPECT_EQ(index->status, 200);
  EXPECT_EQ(index->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(index->body.find("floe test"), std::string::npos);
  EXPECT_NE(index->get_header_value("Content-Security-Policy").find("default-src 'self'"),
            std::string::npos);
  auto js = c.Get("/js/app.js");
  ASSERT_TRUE(js);
  EXPECT_EQ(js->status, 200);
  EXPECT_EQ(js->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
  auto alias = c.Get("/alias.js");  // a symlink that stays inside: fine
  ASSERT_TRUE(alias);
  EXPECT_EQ(alias->status, 200);
  auto head = c.Head("/api/states");
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 200);
  EXPECT_TRUE(head->body.empty());
}

TEST_F(SecurityTest, NoPathTraversal) {
  const int port = server_->port();
  // Sent as they are, no client normalizing them: plain, percent-encoded, mixed, doubled.
  for (const char* target :
       {"/../../../../etc/passwd", "/js/../../outside/secret.txt", "/%2e%2e/%2e%2e/etc/passwd",
        "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd", "/..%2f..%2fetc%2fpasswd", "/js/%2e%2e/%2e%2e/x", "/..",
        "/..\\..\\etc\\passwd", "/js/..%5c..%5cetc%5cpasswd"}) {
    const int status = testing::raw_status(port, target);
    EXPECT_TRUE(status == 400 || status == 404) << target << ": " << status;
  }
  // Doubly encoded: decoded once, "%2e%2e" is a file name, which does not exist.
  EXPECT_EQ(testing::raw_status(port, "/%252e%252e/%252e%252e/etc/passwd"), 404);
  // Symlinks out of the folder, and hidden files, are not served.
  EXPECT_EQ(testing::raw_status(port, "/leak.txt"), 404);
  EXPECT_EQ(testing::raw_status(port, "/outside/secret.txt"), 404);
  EXPECT_EQ(testing::raw_status(port, "/.secret"), 404);
  EXPECT_EQ(testing::raw_status(port, "/%2esecret"), 404);
}

TEST_F(SecurityTest, OnlyGetAndHead) {
  auto c = server_->client();
  auto post = c.Post("/api/states", "x", "text/plain");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 405);
  EXPECT_EQ(post->get_header_value("Allow"), "GET, HEAD");
  auto del = c.Delete("/index.html");
  ASSERT_TRUE(del);
  EXPECT_EQ(del->status, 405);
}

TEST(ServerLifecycle, APortInUseIsAClearError) {
  TinyServer first;
  ServeOptions o = testing::tiny_options();
  o.port = first.port();
  try {
    DashboardServer second(testing::tiny_dataset(), o);
    FAIL() << "a second server bound port " << o.port;
  } catch (const Error& e) {
    const std::string want =
        "port " + std::to_string(o.port) + " on 127.0.0.1 is in use (another floe serve?)";
    EXPECT_EQ(std::string(e.what()).substr(0, want.size()), want) << e.what();
    EXPECT_EQ(std::string(e.what()).find('\n'), std::string::npos);
  }
  // The first one still answers.
  auto r = first.client().Get("/api/nation");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
}

TEST(ServerLifecycle, StopEndsRunAndFreesThePort) {
  int port = 0;
  {
    DashboardServer server(testing::tiny_dataset(), testing::tiny_options());
    port = server.port();
    std::thread t([&] { server.run(); });
    httplib::Client c("127.0.0.1", port);
    auto r = c.Get("/api/nation");
    ASSERT_TRUE(r);
    server.stop();
    t.join();       // returns: run() ended
    server.stop();  // a second stop is harmless
  }
  // The port is free again.
  ServeOptions o = testing::tiny_options();
  o.port = port;
  DashboardServer again(testing::tiny_dataset(), o);
  EXPECT_EQ(again.port(), port);
}

TEST(ServerLifecycle, StopBeforeRun) {
  DashboardServer server(testing::tiny_dataset(), testing::tiny_options());
  server.stop();
  server.run();  // returns at once
  SUCCEED();
}

TEST(ServerLifecycle, AMissingWebFolderIsAnError) {
  ServeOptions o = testing::tiny_options();
  o.web_dir = "/no/such/folder";
  EXPECT_THROW(DashboardServer(testing::tiny_dataset(), o), Error);
}

}  // namespace
}  // namespace floe::serve
