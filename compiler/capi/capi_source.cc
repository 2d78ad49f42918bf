// The C ABI's rule sources, compile options and run options: builders of the C++ API's values.
#include <fmt/format.h>

#include "compiler/capi/capi_internal.h"

namespace segc::capi {
namespace {

// Stores `text` in `*field` unless `text` is NULL.
segc_status SetText(std::string* field, const char* text, std::string_view name) {
  if (text == nullptr) return NullArgument(name);
  *field = text;
  return Ok();
}

template <typename Handle>
segc_status New(Handle** out) {
  if (out == nullptr) return NullArgument("out");
  *out = new Handle{};
  return Ok();
}

}  // namespace
}  // namespace segc::capi

using namespace segc::capi;  // NOLINT: the C entry points below are thin wrappers

extern "C" {

segc_status segc_source_new(segc_source** out) {
  return Guard([&] { return New(out); });
}

void segc_source_free(segc_source* source) { delete source; }

segc_status segc_source_add_path(segc_source* source, const char* path) {
  return Guard([&] {
    if (source == nullptr) return NullArgument("source");
    if (path == nullptr) return NullArgument("path");
    if (!source->texts.empty()) {
      return Fail(SEGC_ERR_INVALID_ARGUMENT,
                  "a source holds rule files on disk or in memory, "
                  "not both (this one has texts)");
    }
    source->paths.emplace_back(path);
    return Ok();
  });
}

segc_status segc_source_add_text(segc_source* source, const char* path, const char* text) {
  return Guard([&] {
    if (source == nullptr) return NullArgument("source");
    if (path == nullptr) return NullArgument("path");
    if (text == nullptr) return NullArgument("text");
    if (!source->paths.empty()) {
      return Fail(SEGC_ERR_INVALID_ARGUMENT,
                  "a source holds rule files on disk or in memory, "
                  "not both (this one has paths)");
    }
    source->texts.push_back({path, text});
    return Ok();
  });
}

segc_status segc_source_add_library_dir(segc_source* source, const char* dir) {
  return Guard([&] {
    if (source == nullptr) return NullArgument("source");
    if (dir == nullptr) return NullArgument("dir");
    source->library_dirs.emplace_back(dir);
    return Ok();
  });
}

segc_status segc_source_add_module(segc_source* source, const char* name, const char* text) {
  return Guard([&] {
    if (source == nullptr) return NullArgument("source");
    if (name == nullptr) return NullArgument("name");
    if (text == nullptr) return NullArgument("text");
    source->modules[name] = text;
    return Ok();
  });
}

segc_status segc_compile_options_new(segc_compile_options** out) {
  return Guard([&] { return New(out); });
}

void segc_compile_options_free(segc_compile_options* options) { delete options; }

segc_status segc_compile_options_set_engine(segc_compile_options* options, int32_t engine) {
  return Guard([&] {
    if (options == nullptr) return NullArgument("options");
    if (engine != SEGC_ENGINE_JIT && engine != SEGC_ENGINE_INTERPRETER) {
      return Fail(SEGC_ERR_INVALID_ARGUMENT, fmt::format("unknown engine code {}", engine));
    }
    options->options.engine =
        engine == SEGC_ENGINE_JIT ? segc::Engine::kJit : segc::Engine::kInterpreter;
    return Ok();
  });
}

segc_status segc_compile_options_set_opt_level(segc_compile_options* options, int32_t level) {
  return Guard([&] {
    if (options == nullptr) return NullArgument("options");
    if (level < -1 || level > 3) {
      return Fail(SEGC_ERR_INVALID_ARGUMENT,
                  fmt::format("optimization level {} (expected 0..3, or -1)", level));
    }
    options->options.opt_level = level;
    return Ok();
  });
}

segc_status segc_compile_options_set_compile_threads(segc_compile_options* options,
                                                     int32_t threads) {
  return Guard([&] {
    if (options == nullptr) return NullArgument("options");
    if (threads < 1) {
      return Fail(SEGC_ERR_INVALID_ARGUMENT,
                  fmt::format("compile threads {} (expected at least 1)", threads));
    }
    options->options.compile_threads = threads;
    return Ok();
  });
}

segc_status segc_compile_options_set_cache_dir(segc_compile_options* options, const char* dir) {
  return Guard([&] {
    if (options == nullptr) return NullArgument("options");
    options->options.cache_dir = dir ? dir : "";
    return Ok();
  });
}

segc_status segc_compile_options_set_param(segc_compile_options* options, const char* name,
                                           const char* literal) {
  return Guard([&] {
    if (options == nullptr) return NullArgument("options");
    if (name == nullptr) return NullArgument("name");
    return SetText(&options->options.params[name], literal, "literal");
  });
}

segc_status segc_run_options_new(segc_run_options** out) {
  return Guard([&] { return New(out); });
}

void segc_run_options_free(segc_run_options* options) { delete options; }

segc_status segc_run_options_set_as_of_days(segc_run_options* options, int32_t days) {
  if (options == nullptr) return NullArgument("options");
  options->inputs.as_of = days;
  return Ok();
}

segc_status segc_run_options_set_as_of_date(segc_run_options* options, const char* date) {
  return Guard([&] {
    if (options == nullptr) return NullArgument("options");
    if (date == nullptr) return NullArgument("date");
    auto days = segc::ParseDate(date);
    if (!days.ok()) return FailStatus(SEGC_ERR_BAD_DATE, days.status());
    options->inputs.as_of = *days;
    return Ok();
  });
}

segc_status segc_run_options_set_param(segc_run_options* options, const char* name,
                                       const char* literal) {
  return Guard([&] {
    if (options == nullptr) return NullArgument("options");
    if (name == nullptr) return NullArgument("name");
    return SetText(&options->inputs.params[name], literal, "literal");
  });
}

segc_status segc_run_options_set_threads(segc_run_options* options, int32_t threads) {
  if (options == nullptr) return NullArgument("options");
  options->inputs.threads = threads;
  return Ok();
}

}  // extern "C"
