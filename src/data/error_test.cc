// Messages are one bounded, printable line whatever the input holds (docs/security.md §3).
#include "floe/error.h"

#include <gtest/gtest.h>

#include <string>

namespace floe {
namespace {

TEST(Quote, PlainTextIsQuotedAsItIs) {
  EXPECT_EQ(quote("Alabama"), "'Alabama'");
  EXPECT_EQ(quote(""), "''");
  EXPECT_EQ(quote("Doña Ana"), "'Doña Ana'");  // UTF-8 passes
}

TEST(Quote, ControlCharactersQuotesAndBackslashesAreEscaped) {
  EXPECT_EQ(quote("a\nb"), "'a\\nb'");
  EXPECT_EQ(quote(std::string("a\0b", 3)), "'a\\0b'");
  EXPECT_EQ(quote("\x1b[31mred"), "'\\x1b[31mred'");
  EXPECT_EQ(quote("it's"), "'it\\'s'");
  EXPECT_EQ(quote("a\\b"), "'a\\\\b'");
  EXPECT_EQ(quote("tab\there\r"), "'tab\\there\\r'");
  EXPECT_EQ(quote("\x7f"), "'\\x7f'");
}

TEST(Quote, BytesThatAreNotUtf8AndC1ControlsAreEscaped) {
  EXPECT_EQ(quote("\xff\xfe"), "'\\xff\\xfe'");
  EXPECT_EQ(quote("\xc3"), "'\\xc3'");                    // a lead byte without its continuation
  EXPECT_EQ(quote("\xc0\xaf"), "'\\xc0\\xaf'");           // an overlong '/'
  EXPECT_EQ(quote("\xed\xa0\x80"), "'\\xed\\xa0\\x80'");  // a UTF-16 surrogate
  EXPECT_EQ(quote("\xc2\x9b"), "'\\u009b'");              // CSI, a C1 control
}

TEST(Quote, LongValuesAreCutAfterAHundredCharacters) {
  const std::string big(20 * 1024 * 1024, 'x');
  const std::string q = quote(big);
  EXPECT_EQ(q, "'" + std::string(kMaxQuoted, 'x') + "'... (" +
                   std::to_string(big.size() - kMaxQuoted) + " more bytes)");
  // Characters, not bytes: 150 two-byte letters keep 100 whole letters.
  std::string accents;
  for (int i = 0; i < 150; ++i) accents += "é";
  std::string first_hundred = "'";
  first_hundred.append(accents, 0, 200);
  EXPECT_EQ(quote(accents).substr(0, 201), first_hundred);
  EXPECT_NE(quote(accents).find("... (100 more bytes)"), std::string::npos);
}

TEST(OneLine, EscapesControlsButKeepsEscapesAndQuotes) {
  EXPECT_EQ(one_line("line 1\nline 2"), "line 1\\nline 2");
  EXPECT_EQ(one_line("it's 'x\\ny'"), "it's 'x\\ny'");  // already escaped text is unchanged
  EXPECT_EQ(one_line(std::string(5, 'a'), 3), "aaa... (2 more bytes)");
}

TEST(Error, TheMessageIsOneBoundedLine) {
  const Error e(std::string("no state '\0evil'\n", 17));
  EXPECT_STREQ(e.what(), "no state '\\0evil'\\n");  // the NUL no longer cuts the message
  const Error big(std::string(5000, 'y'));
  EXPECT_EQ(std::string(big.what()), std::string(kMaxMessage, 'y') + "... (4000 more bytes)");
}

TEST(DataError, FieldAndProblemAreEscaped) {
  const DataError e("f.csv", 3, "st\nate", "unknown state " + quote("A\x1b[2J"));
  EXPECT_STREQ(e.what(), "f.csv:3: field 'st\\nate': unknown state 'A\\x1b[2J'");
}

}  // namespace
}  // namespace floe
