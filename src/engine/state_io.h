// A model's state as bytes, for checkpoints: trivially copyable values and vectors of them, in
// the order written. Reading checks every size against the bytes left before using it, so a
// corrupt or crafted state fails with one error naming the file, never a huge allocation.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <type_traits>
#include <vector>

#include "floe/error.h"

namespace floe::engine {

class StateWriter {
 public:
  template <typename T>
  void put(const T& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    bytes_.append(reinterpret_cast<const char*>(&v), sizeof v);
  }
  template <typename T>
  void vec(const std::vector<T>& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    put(static_cast<std::uint64_t>(v.size()));
    if (!v.empty()) bytes_.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
  }
  template <typename T>
  void vecs(const std::vector<std::vector<T>>& v) {
    put(static_cast<std::uint64_t>(v.size()));
    for (const auto& x : v) vec(x);
  }
  void text(const std::string& s) {
    put(static_cast<std::uint64_t>(s.size()));
    bytes_ += s;
  }
  const std::string& bytes() const { return bytes_; }
  std::string take() { return std::move(bytes_); }

 private:
  std::string bytes_;
};

class StateReader {
 public:
  StateReader(std::string bytes, std::string file)
      : bytes_(std::move(bytes)), file_(std::move(file)) {}
  template <typename T>
  T get() {
    static_assert(std::is_trivially_copyable_v<T>);
    T v;
    need(sizeof v);
    std::memcpy(&v, bytes_.data() + pos_, sizeof v);
    pos_ += sizeof v;
    return v;
  }
  template <typename T>
  std::vector<T> vec() {
    const auto n = get<std::uint64_t>();
    if (n > (bytes_.size() - pos_) / sizeof(T)) fail("corrupt checkpoint (implausible size)");
    std::vector<T> v(n);
    if (n > 0) std::memcpy(v.data(), bytes_.data() + pos_, n * sizeof(T));
    pos_ += n * sizeof(T);
    return v;
  }
  template <typename T>
  std::vector<std::vector<T>> vecs() {
    const auto n = get<std::uint64_t>();
    if (n > (bytes_.size() - pos_) / 8) fail("corrupt checkpoint (implausible size)");
    std::vector<std::vector<T>> v(n);
    for (auto& x : v) x = vec<T>();
    return v;
  }
  std::string text() {
    const auto n = get<std::uint64_t>();
    need(n);
    std::string s = bytes_.substr(pos_, n);
    pos_ += n;
    return s;
  }
  bool done() const { return pos_ == bytes_.size(); }
  [[noreturn]] void fail(const std::string& what) const { throw DataError(file_, 0, "", what); }

 private:
  void need(std::size_t n) const {
    if (n > bytes_.size() - pos_) fail("corrupt checkpoint (truncated state)");
  }
  std::string bytes_, file_;
  std::size_t pos_ = 0;
};

}  // namespace floe::engine
