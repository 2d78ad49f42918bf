// Status and Result<T>: the channel for failures of the environment or API (I/O, LLVM, bad data).
// Problems in the user's rules are Diagnostics (compiler/diag); our own bugs are SEGC_CHECK.
#pragma once

#include <cstdlib>
#include <string>
#include <utility>
#include <variant>

namespace segc {

/// What kind of failure a Status carries; maps onto the CLI exit codes (LANGUAGE.md §8).
enum class StatusCode {
  kOk = 0,
  kInvalidArgument,    // bad usage of an API or CLI option (exit 2)
  kDataError,          // input data does not match the schema or is malformed (exit 3)
  kIoError,            // file could not be read or written (exit 3 for inputs, 4 otherwise)
  kInternal,           // broken machinery, e.g. the JIT failed (exit 4)
  kResourceExhausted,  // the system refused memory (segc run: exit 3) or threads (exit 4)
};

/// A success or a failure with a message. Cheap to copy when ok.
class Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string m) {
    return {StatusCode::kInvalidArgument, std::move(m)};
  }
  static Status DataError(std::string m) { return {StatusCode::kDataError, std::move(m)}; }
  static Status IoError(std::string m) { return {StatusCode::kIoError, std::move(m)}; }
  static Status Internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }
  static Status ResourceExhausted(std::string m) {
    return {StatusCode::kResourceExhausted, std::move(m)};
  }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

/// A value or a failed Status (modelled on absl::StatusOr / arrow::Result).
template <typename T>
class Result {
 public:
  Result(T value) : data_(std::move(value)) {}        // NOLINT: implicit by design
  Result(Status status) : data_(std::move(status)) {  // NOLINT: implicit by design
    if (std::get<Status>(data_).ok()) std::abort();   // an ok Status carries no value
  }

  bool ok() const { return std::holds_alternative<T>(data_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(data_);
  }
  T& value() & { return std::get<T>(data_); }
  const T& value() const& { return std::get<T>(data_); }
  T&& value() && { return std::get<T>(std::move(data_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Status> data_;
};

}  // namespace segc

#define SEGC_CONCAT_INNER_(a, b) a##b
#define SEGC_CONCAT_(a, b) SEGC_CONCAT_INNER_(a, b)

/// Returns the Status from the enclosing function if `expr` (a Status) failed.
#define SEGC_RETURN_IF_ERROR(expr)               \
  do {                                           \
    ::segc::Status segc_status_ = (expr);        \
    if (!segc_status_.ok()) return segc_status_; \
  } while (0)

/// `SEGC_TRY(auto x, MakeX());` binds the value or returns the failed Status.
#define SEGC_TRY(lhs, expr) SEGC_TRY_IMPL_(SEGC_CONCAT_(segc_result_, __LINE__), lhs, expr)
#define SEGC_TRY_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                   \
  if (!tmp.ok()) return tmp.status();  \
  lhs = std::move(tmp).value()
