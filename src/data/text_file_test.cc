#include "data/text_file.h"

#include <gtest/gtest.h>
#include <zstd.h>

#include <fstream>

#include "floe/error.h"

namespace floe::data {
namespace {

class TextFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::path(::testing::TempDir()) /
           ("floe_text_file_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  void write(const std::string& name, const std::string& bytes) {
    std::ofstream(dir_ / name, std::ios::binary) << bytes;
  }
  static std::string compress(const std::string& text) {
    std::string out(ZSTD_compressBound(text.size()), '\0');
    out.resize(ZSTD_compress(out.data(), out.size(), text.data(), text.size(), 3));
    return out;
  }

  std::filesystem::path dir_;
};

TEST_F(TextFileTest, DropsTheBom) {
  write("a.csv",
        "\xEF\xBB\xBF"
        "x,y\n");
  EXPECT_EQ(read_text_file(dir_ / "a.csv"), "x,y\n");
}

TEST_F(TextFileTest, DecompressesZstdAndFindsTheCompressedName) {
  const std::string text = "code\ttitle\n11-1011\tChief Executives\n";
  write("Occupation Data.txt.zst", compress(text));
  const auto path = find_data_file(dir_, "Occupation Data.txt");
  EXPECT_EQ(path.filename(), "Occupation Data.txt.zst");
  EXPECT_EQ(read_text_file(path), text);
}

TEST_F(TextFileTest, TruncatedZstdIsAnError) {
  const std::string packed = compress(std::string(10000, 'a') + "tail");
  write("t.csv.zst", packed.substr(0, packed.size() / 2));
  EXPECT_THROW(read_text_file(dir_ / "t.csv.zst"), DataError);
}

TEST_F(TextFileTest, CorruptZstdIsAnError) {
  write("c.csv.zst", "this is not zstd");
  EXPECT_THROW(read_text_file(dir_ / "c.csv.zst"), DataError);
}

TEST_F(TextFileTest, MissingFileNamesThePath) {
  try {
    find_data_file(dir_, "nope.csv");
    FAIL();
  } catch (const DataError& e) {
    EXPECT_EQ(e.file(), (dir_ / "nope.csv").string());
    EXPECT_EQ(e.line(), 0u);
  }
  EXPECT_THROW(read_text_file(dir_ / "nope.csv"), DataError);
}

TEST_F(TextFileTest, APlainFileAndADifferentZstdTwinAreAnErrorNamingBoth) {
  write("s.csv", "state,employment\nAlabama,1\n");
  write("s.csv.zst", compress("state,employment\nAlabama,2\n"));
  try {
    find_data_file(dir_, "s.csv");
    FAIL() << "the plain file silently won";
  } catch (const DataError& e) {
    EXPECT_EQ(e.file(), (dir_ / "s.csv").string());
    EXPECT_NE(std::string(e.what()).find((dir_ / "s.csv.zst").string()), std::string::npos)
        << e.what();
  }
}

TEST_F(TextFileTest, APlainFileAndAnIdenticalZstdTwinAreFine) {
  const std::string text = "state,employment\nAlabama,1\n";
  write("s.csv", text);
  write("s.csv.zst", compress(text));
  EXPECT_EQ(find_data_file(dir_, "s.csv").filename(), "s.csv");
}

}  // namespace
}  // namespace floe::data
