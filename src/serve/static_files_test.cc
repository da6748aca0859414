// resolve_static on a folder made for the test: what it serves and what it refuses.
#include "serve/static_files.h"

#include <gtest/gtest.h>

#include <fstream>

#include "serve/test_server.h"

namespace floe::serve {
namespace {

TEST(ResolveStatic, ServesFilesInsideTheFolder) {
  testing::TempDir dir;
  const auto web = dir.path / "web";
  std::filesystem::create_directories(web / "js");
  std::ofstream(web / "index.html") << "x";
  std::ofstream(web / "js" / "app.js") << "x";
  const auto canonical = std::filesystem::canonical(web);
  EXPECT_EQ(resolve_static(web, "/").path, canonical / "index.html");
  EXPECT_EQ(resolve_static(web, "/index.html").path, canonical / "index.html");
  EXPECT_EQ(resolve_static(web, "/js/app.js").path, canonical / "js" / "app.js");
  EXPECT_EQ(resolve_static(web, "//js//app.js").status, 200);
  EXPECT_EQ(resolve_static(web, "/js").status, 404);   // a folder
  EXPECT_EQ(resolve_static(web, "/js/").status, 404);  // no index.html in it
  EXPECT_EQ(resolve_static(web, "/missing.js").status, 404);
}

TEST(ResolveStatic, RefusesEverythingElse) {
  testing::TempDir dir;
  const auto web = dir.path / "web";
  std::filesystem::create_directories(web);
  std::ofstream(web / "index.html") << "x";
  std::ofstream(web / ".env") << "x";
  std::ofstream(dir.path / "secret") << "x";
  std::filesystem::create_symlink(dir.path / "secret", web / "link");
  EXPECT_EQ(resolve_static(web, "/../secret").status, 400);
  EXPECT_EQ(resolve_static(web, "/a/../../secret").status, 400);
  EXPECT_EQ(resolve_static(web, "/..").status, 400);
  EXPECT_EQ(resolve_static(web, "/x\\..\\secret").status, 400);
  EXPECT_EQ(resolve_static(web, std::string_view("/index.html\0.js", 15)).status, 400);
  EXPECT_EQ(resolve_static(web, "index.html").status, 400);  // not absolute
  EXPECT_EQ(resolve_static(web, "/.env").status, 404);
  EXPECT_EQ(resolve_static(web, "/./index.html").status, 404);
  EXPECT_EQ(resolve_static(web, "/link").status, 404);  // a symlink leading out
  EXPECT_EQ(resolve_static(dir.path / "none", "/index.html").status, 404);
}

TEST(ContentType, ByExtension) {
  EXPECT_EQ(content_type("a.html"), "text/html; charset=utf-8");
  EXPECT_EQ(content_type("a.js"), "text/javascript; charset=utf-8");
  EXPECT_EQ(content_type("a.css"), "text/css; charset=utf-8");
  EXPECT_EQ(content_type("a.bin"), "application/octet-stream");
}

}  // namespace
}  // namespace floe::serve
