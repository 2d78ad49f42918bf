// The C ABI's versions, status names and the per-thread last error.
#include <fmt/format.h>

#include "compiler/capi/capi_internal.h"

namespace segc::capi {
namespace {

struct LastError {
  segc_status code = SEGC_OK;
  std::string message;
};

thread_local LastError t_last_error;

}  // namespace

segc_status Fail(segc_status status, std::string_view message) noexcept {
  t_last_error.code = status;
  try {
    t_last_error.message.assign(message);
  } catch (...) {
    t_last_error.message.clear();
  }
  return status;
}

segc_status Ok() noexcept { return SEGC_OK; }

segc_status NullArgument(std::string_view name) noexcept {
  try {
    return Fail(SEGC_ERR_NULL_ARGUMENT, fmt::format("argument '{}' is NULL", name));
  } catch (...) {
    return Fail(SEGC_ERR_NULL_ARGUMENT, "");
  }
}

segc_status CheckIndex(int64_t index, size_t size, std::string_view what) noexcept {
  if (index >= 0 && uint64_t(index) < size) return SEGC_OK;
  try {
    return Fail(SEGC_ERR_OUT_OF_RANGE,
                fmt::format("{} index {} is out of range [0, {})", what, index, size));
  } catch (...) {
    return Fail(SEGC_ERR_OUT_OF_RANGE, "");
  }
}

segc_status FailStatus(segc_status code, const Status& status) noexcept {
  return Fail(code, status.message());
}

std::optional<rt::ColumnType> ColumnTypeOf(int32_t type) noexcept {
  switch (type) {
    case SEGC_TYPE_INT:
      return rt::ColumnType::kInt;
    case SEGC_TYPE_FLOAT:
      return rt::ColumnType::kFloat;
    case SEGC_TYPE_BOOL:
      return rt::ColumnType::kBool;
    case SEGC_TYPE_STRING:
      return rt::ColumnType::kString;
    case SEGC_TYPE_DATE:
      return rt::ColumnType::kDate;
    case SEGC_TYPE_ENUM:
      return rt::ColumnType::kEnum;
    default:
      return std::nullopt;
  }
}

int32_t TypeCodeOf(rt::ColumnType type) noexcept {
  switch (type) {
    case rt::ColumnType::kInt:
      return SEGC_TYPE_INT;
    case rt::ColumnType::kFloat:
      return SEGC_TYPE_FLOAT;
    case rt::ColumnType::kBool:
      return SEGC_TYPE_BOOL;
    case rt::ColumnType::kString:
      return SEGC_TYPE_STRING;
    case rt::ColumnType::kDate:
      return SEGC_TYPE_DATE;
    case rt::ColumnType::kEnum:
      return SEGC_TYPE_ENUM;
  }
  return -1;
}

}  // namespace segc::capi

extern "C" {

int32_t segc_abi_version(void) { return SEGC_ABI_VERSION; }

const char* segc_version(void) { return SEGC_VERSION_STRING; }

const char* segc_status_name(segc_status status) {
  switch (status) {
    case SEGC_OK:
      return "SEGC_OK";
    case SEGC_ERR_NULL_ARGUMENT:
      return "SEGC_ERR_NULL_ARGUMENT";
    case SEGC_ERR_INVALID_ARGUMENT:
      return "SEGC_ERR_INVALID_ARGUMENT";
    case SEGC_ERR_COMPILE:
      return "SEGC_ERR_COMPILE";
    case SEGC_ERR_COLUMN_TYPE:
      return "SEGC_ERR_COLUMN_TYPE";
    case SEGC_ERR_SCHEMA_MISMATCH:
      return "SEGC_ERR_SCHEMA_MISMATCH";
    case SEGC_ERR_ARROW:
      return "SEGC_ERR_ARROW";
    case SEGC_ERR_ARROW_RELEASED:
      return "SEGC_ERR_ARROW_RELEASED";
    case SEGC_ERR_BAD_DATE:
      return "SEGC_ERR_BAD_DATE";
    case SEGC_ERR_BAD_PARAM:
      return "SEGC_ERR_BAD_PARAM";
    case SEGC_ERR_IO:
      return "SEGC_ERR_IO";
    case SEGC_ERR_OUT_OF_RANGE:
      return "SEGC_ERR_OUT_OF_RANGE";
    case SEGC_ERR_INTERNAL:
      return "SEGC_ERR_INTERNAL";
    case SEGC_ERR_DATA:
      return "SEGC_ERR_DATA";
    default:
      return "SEGC_ERR_UNKNOWN";
  }
}

segc_status segc_last_error_code(void) { return segc::capi::t_last_error.code; }

const char* segc_last_error_message(void) { return segc::capi::t_last_error.message.c_str(); }

}  // extern "C"
