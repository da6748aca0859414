#include "floe/store.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <fstream>
#include <sstream>

#include "floe/error.h"

namespace floe {
namespace {

using ::testing::HasSubstr;

std::filesystem::path temp(const std::string& name) {
  return std::filesystem::path(::testing::TempDir()) /
         ("floe_store_" + std::to_string(::getpid()) + "_" + name);
}

Table sample() {
  Table t;
  t.columns = {{"name", "Name", ColumnKind::kText},
               {"iceberg", "Iceberg", ColumnKind::kShare},
               {"estimated", "Estimated", ColumnKind::kFlag}};
  t.rows = {{std::string("Alabama"), 0.25, true},
            {std::string("O'Hare \"x\""), std::nan(""), false}};
  return t;
}

TEST(Store, WritesTablesAndRunInfoThenMovesIntoPlace) {
  const auto path = temp("ok.db");
  {
    Store store(path);
    store.write_run_info("command", "floe index");
    store.write_table("index_state", sample());
    EXPECT_FALSE(std::filesystem::exists(path));  // only the partial file so far
    store.commit();
  }
  ASSERT_TRUE(std::filesystem::exists(path));
  auto db = open_results(path);
  sqlite3_stmt* q = nullptr;
  ASSERT_EQ(
      sqlite3_prepare_v2(db.get(), "SELECT name, iceberg, estimated FROM index_state ORDER BY name",
                         -1, &q, nullptr),
      SQLITE_OK);
  ASSERT_EQ(sqlite3_step(q), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(q, 0)), "Alabama");
  EXPECT_EQ(sqlite3_column_double(q, 1), 0.25);
  EXPECT_EQ(sqlite3_column_int(q, 2), 1);
  ASSERT_EQ(sqlite3_step(q), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(q, 0)), "O'Hare \"x\"");
  EXPECT_EQ(sqlite3_column_type(q, 1), SQLITE_NULL);
  sqlite3_finalize(q);
  std::filesystem::remove(path);
}

TEST(Store, WithoutCommitNothingIsLeftBehind) {
  const auto path = temp("abandoned.db");
  {
    Store store(path);
    store.write_table("t", sample());
  }
  EXPECT_FALSE(std::filesystem::exists(path));
  auto partial = path;
  partial += ".partial";
  EXPECT_FALSE(std::filesystem::exists(partial));
}

TEST(Store, OpeningSomethingElseIsAnError) {
  EXPECT_THROW(open_results(temp("missing.db")), Error);
}

std::string read(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(WriteFileAtomically, CreatesTheFolderAndReplacesTheFile) {
  const auto dir = temp("atomic");
  std::filesystem::remove_all(dir);
  const auto path = dir / "sub" / "report.html";
  write_file_atomically(path, "first\n");
  EXPECT_EQ(read(path), "first\n");
  write_file_atomically(path, std::string("a\0b", 3));  // bytes as given, NUL included
  EXPECT_EQ(read(path), std::string("a\0b", 3));
  EXPECT_FALSE(std::filesystem::exists(dir / "sub" / "report.html.partial"));
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir / "sub"),
                          std::filesystem::directory_iterator()),
            1);
  std::filesystem::remove_all(dir);
}

TEST(WriteFileAtomically, FailureNamesTheFileAndLeavesNothing) {
  const auto dir = temp("atomic-fail");
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  // A folder where the file should be: the rename fails, and the folder stays as it was.
  const auto taken = dir / "taken";
  std::filesystem::create_directories(taken / "inside");
  try {
    write_file_atomically(taken, "text");
    FAIL() << "writing over a folder must fail";
  } catch (const Error& e) {
    EXPECT_THAT(e.what(), HasSubstr("cannot write " + taken.string()));
  }
  EXPECT_TRUE(std::filesystem::is_directory(taken / "inside"));
  EXPECT_FALSE(std::filesystem::exists(dir / "taken.partial"));
  // A file where its folder should be.
  std::ofstream(dir / "plain") << "x";
  try {
    write_file_atomically(dir / "plain" / "report.html", "text");
    FAIL() << "a file as the parent folder must fail";
  } catch (const Error& e) {
    EXPECT_THAT(e.what(), HasSubstr((dir / "plain" / "report.html").string()));
  }
  EXPECT_EQ(read(dir / "plain"), "x");
  std::filesystem::remove_all(dir);
}

TEST(WriteFileAtomically, FailuresSayWhy) {
  const auto dir = temp("atomic-why");
  std::filesystem::remove_all(dir);
  // A folder where the partial file goes: opening it for writing fails, and says why.
  std::filesystem::create_directories(dir / "out.csv.partial");
  try {
    write_file_atomically(dir / "out.csv", "text");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()),
              "cannot write " + (dir / "out.csv").string() + ": " + std::strerror(EISDIR));
  }
  std::filesystem::remove_all(dir);
}

// floe index writes a results file and a table: when the table cannot be written, the results
// file must not appear either (it once did).
TEST(OutputFiles, AFailedOutputLeavesNoneOfTheOthers) {
  const auto dir = temp("outputs");
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "plain") << "x";
  {
    OutputFiles outputs;
    Store store(dir / "floe.db");
    store.write_table("states", sample());
    outputs.add(store, dir / "floe.db");
    EXPECT_THROW(outputs.write(dir / "plain" / "states.csv", "a,b\n"), Error);
  }
  EXPECT_FALSE(std::filesystem::exists(dir / "floe.db"));
  EXPECT_FALSE(std::filesystem::exists(dir / "floe.db.partial"));
  // A target that is a folder is found before anything moves.
  std::filesystem::create_directories(dir / "taken");
  {
    OutputFiles outputs;
    outputs.write(dir / "first.csv", "1\n");
    outputs.write(dir / "taken", "2\n");
    EXPECT_THROW(outputs.commit(), Error);
  }
  EXPECT_FALSE(std::filesystem::exists(dir / "first.csv"));
  EXPECT_FALSE(std::filesystem::exists(dir / "first.csv.partial"));
  // Both complete: both in place.
  {
    OutputFiles outputs;
    Store store(dir / "floe.db");
    store.write_table("states", sample());
    outputs.add(store, dir / "floe.db");
    outputs.write(dir / "states.csv", "a,b\n");
    outputs.commit();
  }
  EXPECT_EQ(read(dir / "states.csv"), "a,b\n");
  EXPECT_NO_THROW(open_results(dir / "floe.db"));
  std::filesystem::remove_all(dir);
}

TEST(OutputFiles, OneFileTwiceIsAnError) {
  const auto dir = temp("twice");
  std::filesystem::remove_all(dir);
  OutputFiles outputs;
  outputs.write(dir / "a.csv", "1\n");
  EXPECT_THROW(outputs.write(dir / "sub" / ".." / "a.csv", "2\n"), Error);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace floe
