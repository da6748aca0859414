#include "floe/store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cmath>

#include "floe/error.h"

namespace floe {
namespace {

std::filesystem::path temp(const std::string& name) {
  return std::filesystem::path(::testing::TempDir()) /
         ("floe_store_" + std::to_string(::getpid()) + "_" + name);
}

Table sample() {
  Table t;
  t.columns = {{"name", "Name", ColumnKind::kText},
               {"iceberg", "Iceberg", ColumnKind::kShare},
               {"estimated", "Estimated", ColumnKind::kFlag}};
  t.rows = {{std::string("Alabama"), 0.25, true}, {std::string("O'Hare \"x\""), std::nan(""), false}};
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
  ASSERT_EQ(sqlite3_prepare_v2(db.get(),
                               "SELECT name, iceberg, estimated FROM index_state ORDER BY name",
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

}  // namespace
}  // namespace floe
