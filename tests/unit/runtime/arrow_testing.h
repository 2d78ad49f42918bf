// Hand-built Arrow C Data Interface producers for the runtime's Arrow tests.
#pragma once

#include <deque>
#include <string>
#include <vector>

#include "segc/arrow_abi.h"

namespace segc::rt::arrow_testing {

// A hand-built producer: a struct array whose children point at test-owned memory. The
// release callbacks of the top-level structs count their calls.
class TestStruct {
 public:
  explicit TestStruct(int64_t length, int64_t offset = 0) {
    schema = ArrowSchema{"+s", "", nullptr, 0, 0, nullptr, nullptr, &ReleaseTopSchema, this};
    array = ArrowArray{length,  0,       offset,           1,   0, struct_buffers_,
                       nullptr, nullptr, &ReleaseTopArray, this};
  }

  /// Adds a child; `buffers` are the Arrow buffers of its format.
  void Add(const char* name, const char* format, std::vector<const void*> buffers, int64_t length,
           int64_t null_count, int64_t offset = 0, ArrowSchema* dict_schema = nullptr,
           ArrowArray* dict_array = nullptr) {
    buffer_lists_.push_back(std::move(buffers));
    std::vector<const void*>& b = buffer_lists_.back();
    child_schemas_.push_back(ArrowSchema{format, name, nullptr, ARROW_FLAG_NULLABLE, 0, nullptr,
                                         dict_schema, &ReleaseChildSchema, nullptr});
    child_arrays_.push_back(ArrowArray{length, null_count, offset, int64_t(b.size()), 0, b.data(),
                                       nullptr, dict_array, &ReleaseChildArray, nullptr});
    schema_ptrs_.clear();
    array_ptrs_.clear();
    for (ArrowSchema& s : child_schemas_) schema_ptrs_.push_back(&s);
    for (ArrowArray& a : child_arrays_) array_ptrs_.push_back(&a);
    schema.n_children = array.n_children = int64_t(child_schemas_.size());
    schema.children = schema_ptrs_.data();
    array.children = array_ptrs_.data();
  }

  ArrowSchema schema;
  ArrowArray array;
  int schema_releases = 0;
  int array_releases = 0;

 private:
  static void ReleaseChildSchema(ArrowSchema* s) { s->release = nullptr; }
  static void ReleaseChildArray(ArrowArray* a) { a->release = nullptr; }
  static void ReleaseTopSchema(ArrowSchema* s) {
    for (int64_t i = 0; i < s->n_children; ++i) {
      if (s->children[i]->release) s->children[i]->release(s->children[i]);
    }
    ++static_cast<TestStruct*>(s->private_data)->schema_releases;
    s->release = nullptr;
  }
  static void ReleaseTopArray(ArrowArray* a) {
    for (int64_t i = 0; i < a->n_children; ++i) {
      if (a->children[i]->release) a->children[i]->release(a->children[i]);
    }
    ++static_cast<TestStruct*>(a->private_data)->array_releases;
    a->release = nullptr;
  }

  const void* struct_buffers_[1] = {nullptr};
  std::deque<std::vector<const void*>> buffer_lists_;
  std::deque<ArrowSchema> child_schemas_;
  std::deque<ArrowArray> child_arrays_;
  std::vector<ArrowSchema*> schema_ptrs_;
  std::vector<ArrowArray*> array_ptrs_;
};

// A hand-built Arrow C Stream over test-owned batches: get_schema hands over the schema of
// `schema_source`, each get_next the array of the next batch. Fails get_schema with `schema_error`
// and the get_next call number `fail_at` (0-based) with EIO and `error` as the message.
class TestStream {
 public:
  TestStream(TestStruct* schema_source, std::vector<TestStruct*> batches)
      : schema_source_(schema_source), batches_(std::move(batches)) {
    stream = ArrowArrayStream{&GetSchema, &GetNext, &LastError, &Release, this};
  }

  ArrowArrayStream stream;
  int releases = 0;
  int schema_error = 0;
  int fail_at = -1;
  std::string error;  // empty: get_last_error returns NULL

 private:
  static TestStream* Self(ArrowArrayStream* s) { return static_cast<TestStream*>(s->private_data); }
  static int GetSchema(ArrowArrayStream* s, ArrowSchema* out) {
    TestStream* self = Self(s);
    if (self->schema_error != 0) return self->schema_error;
    *out = self->schema_source_->schema;
    self->schema_source_->schema.release = nullptr;
    return 0;
  }
  static int GetNext(ArrowArrayStream* s, ArrowArray* out) {
    TestStream* self = Self(s);
    if (self->next_ == self->fail_at) return 5;  // EIO
    if (size_t(self->next_) >= self->batches_.size()) {
      out->release = nullptr;
      return 0;
    }
    TestStruct* batch = self->batches_[size_t(self->next_++)];
    *out = batch->array;
    batch->array.release = nullptr;
    return 0;
  }
  static const char* LastError(ArrowArrayStream* s) {
    return Self(s)->error.empty() ? nullptr : Self(s)->error.c_str();
  }
  static void Release(ArrowArrayStream* s) {
    ++Self(s)->releases;
    s->release = nullptr;
  }

  TestStruct* schema_source_;
  std::vector<TestStruct*> batches_;
  int next_ = 0;
};

}  // namespace segc::rt::arrow_testing
