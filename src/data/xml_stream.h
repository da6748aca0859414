// Streaming XML with expat, for the parts of an .xlsx workbook (xlsx.h).
//
// Elements and attributes are seen by their local names ("c" for "x:c", "id" for "r:id"): a
// workbook may bind the SpreadsheetML namespaces to any prefix, and the names floe reads are
// unambiguous without them.
// Malformed XML throws DataError naming the file, the part and the XML line; an exception thrown
// by a handler stops the parse and comes out of feed().
//
// Not thread-safe: one parser per thread.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace floe::data {

// The attributes of an element, as expat passes them (name, value, name, value, ..., null).
class XmlAttributes {
 public:
  explicit XmlAttributes(const char** pairs) : pairs_(pairs) {}
  // The value of the attribute with this local name, or nullptr.
  const char* find(std::string_view local_name) const;

 private:
  const char** pairs_;
};

struct XmlHandlers {
  std::function<void(std::string_view name, const XmlAttributes& attributes)> start;
  std::function<void(std::string_view name)> end;
  std::function<void(std::string_view text)> text;  // character data, possibly in pieces
};

class XmlStream {
 public:
  // `file` and `part` name the input in errors.
  XmlStream(std::string file, std::string part, XmlHandlers handlers);
  ~XmlStream();
  XmlStream(const XmlStream&) = delete;
  XmlStream& operator=(const XmlStream&) = delete;

  // Parses the next piece of the document; `last` for the final one (which may be empty).
  void feed(const char* data, std::size_t size, bool last);
  // The line of the document being parsed (1-based), for handlers' own errors.
  std::size_t line() const;

  struct State;  // the handlers and the parser, as expat's callbacks see them

 private:
  std::string file_, part_;
  std::unique_ptr<State> state_;
};

}  // namespace floe::data
