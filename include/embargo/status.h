// Errors as values. Every expected failure (bad list file, bad query, bad CLI
// argument) is returned as an Error carrying where it happened (file, line,
// column) and what is wrong, rendered like a compiler message:
//   sdn.csv:12:3: unterminated quoted field
// Result<T> holds either a value or an Error. Both types are value types and
// thread-compatible.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace embargo {

struct Error {
  std::string file;  // empty when not tied to a file
  int line = 0;      // 1-based; 0 = unknown
  int column = 0;    // 1-based; 0 = unknown
  std::string message;

  // "file:line:column: message", leaving out the parts that are unknown.
  std::string ToString() const;
};

Error MakeError(std::string message);
Error MakeError(std::string file, int line, std::string message);

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}      // NOLINT: implicit by design
  Result(Error error) : v_(std::move(error)) {}  // NOLINT: implicit by design

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  const T& value() const& { return std::get<0>(v_); }
  T& value() & { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }

  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

// Result for operations that produce nothing but may fail.
class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(Error error) : error_(std::move(error)), ok_(false) {}  // NOLINT

  static Status Ok() { return Status(); }
  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const { return error_; }

 private:
  Error error_;
  bool ok_ = true;
};

}  // namespace embargo

// Propagates a failed Result/Status from the enclosing function.
#define EMBARGO_RETURN_IF_ERROR(expr)                          \
  do {                                                         \
    auto embargo_status_ = (expr);                             \
    if (!embargo_status_.ok()) return embargo_status_.error(); \
  } while (0)
