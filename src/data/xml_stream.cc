#include "data/xml_stream.h"

#include <expat.h>

#include <cstring>
#include <exception>

#include "floe/error.h"

namespace floe::data {
namespace {

// "x:c" -> "c" (names without a prefix are already local). Prefixes are dropped rather than
// resolved: namespace processing would cost a third of the parse, and the few names floe reads
// are unambiguous without it.
std::string_view local_name(const char* name) {
  const char* local = name;
  for (const char* p = name; *p; ++p) {
    if (*p == ':') local = p + 1;
  }
  return local;
}

}  // namespace

// What the callbacks see. A handler's exception must not unwind through expat's C frames: it is
// kept here, the parser is stopped, and feed() rethrows it.
struct XmlStream::State {
  XmlHandlers handlers;
  XML_Parser parser = nullptr;
  std::exception_ptr error;

  template <typename Call>
  void guard(Call call) {
    if (error) return;
    try {
      call();
    } catch (...) {
      error = std::current_exception();
      XML_StopParser(parser, XML_FALSE);
    }
  }
};

namespace {

XmlStream::State& state_of(void* user) { return *static_cast<XmlStream::State*>(user); }

void on_start(void* user, const XML_Char* name, const XML_Char** attributes) {
  auto& s = state_of(user);
  if (s.handlers.start)
    s.guard([&] { s.handlers.start(local_name(name), XmlAttributes(attributes)); });
}

void on_end(void* user, const XML_Char* name) {
  auto& s = state_of(user);
  if (s.handlers.end) s.guard([&] { s.handlers.end(local_name(name)); });
}

void on_text(void* user, const XML_Char* text, int length) {
  auto& s = state_of(user);
  if (s.handlers.text)
    s.guard([&] { s.handlers.text(std::string_view(text, static_cast<std::size_t>(length))); });
}

}  // namespace

const char* XmlAttributes::find(std::string_view name) const {
  for (const char** p = pairs_; p && *p; p += 2) {
    if (local_name(p[0]) == name) return p[1];
  }
  return nullptr;
}

XmlStream::XmlStream(std::string file, std::string part, XmlHandlers handlers)
    : file_(std::move(file)), part_(std::move(part)), state_(std::make_unique<State>()) {
  state_->handlers = std::move(handlers);
  XML_Parser p = XML_ParserCreate(nullptr);
  if (!p) throw DataError(file_, 0, "", "out of memory for the XML parser");
  state_->parser = p;
  XML_SetUserData(p, state_.get());
  XML_SetElementHandler(p, on_start, on_end);
  XML_SetCharacterDataHandler(p, on_text);
}

XmlStream::~XmlStream() { XML_ParserFree(state_->parser); }

std::size_t XmlStream::line() const { return XML_GetCurrentLineNumber(state_->parser); }

void XmlStream::feed(const char* data, std::size_t size, bool last) {
  XML_Parser p = state_->parser;
  // expat takes an int length: hand over large buffers in pieces.
  constexpr std::size_t kPiece = std::size_t{1} << 30;
  do {
    const std::size_t n = std::min(size, kPiece);
    const bool final_piece = last && n == size;
    if (XML_Parse(p, data, static_cast<int>(n), final_piece) == XML_STATUS_ERROR) {
      if (state_->error) std::rethrow_exception(state_->error);
      throw DataError(file_, 0, "",
                      "part '" + part_ + "': malformed XML at line " + std::to_string(line()) +
                          ": " + XML_ErrorString(XML_GetErrorCode(p)));
    }
    data += n;
    size -= n;
  } while (size > 0);
}

}  // namespace floe::data
