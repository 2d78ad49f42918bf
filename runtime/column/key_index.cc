// KeyIndex: direct array, open-addressing hash or dictionary index from key values to rows.
#include "segc/key_index.h"

#include <fmt/format.h>
#include <sys/mman.h>

#include <algorithm>
#include <cstdlib>
#include <limits>
#include <memory>
#include <new>

#include "runtime/column/huge_array.h"
#include "runtime/exec/thread_pool.h"
#include "runtime/io/string_map.h"

namespace segc::rt {
namespace {

constexpr uint64_t kEmptySlot = ~uint64_t{0};
constexpr int64_t kMorselRows = 1 << 16;
constexpr int kBatch = 16;  // probes whose slots are prefetched together

// murmur3's fmix64: every key bit reaches the low (slot) and high (tag) bits.
inline uint64_t MixKey(int64_t key) {
  uint64_t h = uint64_t(key);
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDull;
  h ^= h >> 33;
  h *= 0xC4CEB9FE1A85EC53ull;
  return h ^ (h >> 33);
}

// A slot holds the high 32 bits of the hash (a tag that spares most key comparisons) and a
// row (int keys) or a dictionary code (string keys) in the low 32 bits.
inline uint64_t MakeSlot(uint64_t hash, int64_t value) {
  return (hash & ~0xFFFFFFFFull) | uint64_t(value);
}
inline int64_t SlotValue(uint64_t slot) { return int64_t(slot & 0xFFFFFFFFull); }
inline bool SameTag(uint64_t slot, uint64_t hash) { return (slot ^ hash) >> 32 == 0; }

bool IsDictType(ColumnType t) { return t == ColumnType::kString || t == ColumnType::kEnum; }

// Min and max of the valid values; false when there are none.
bool KeyRange(const Column& keys, int64_t* lo, int64_t* hi) {
  *lo = std::numeric_limits<int64_t>::max();
  *hi = std::numeric_limits<int64_t>::min();
  const int64_t* v = keys.data<int64_t>();
  for (int64_t i = 0; i < keys.length(); ++i) {
    if (keys.null_count() > 0 && keys.IsNull(i)) continue;
    *lo = std::min(*lo, v[i]);
    *hi = std::max(*hi, v[i]);
  }
  return *lo <= *hi;
}

// A direct array when the key range is at most about twice the row count (or there are no keys).
bool UseDirect(const Column& keys, int64_t* lo, int64_t* hi) {
  if (!KeyRange(keys, lo, hi)) {
    *lo = 0, *hi = -1;
    return true;
  }
  return uint64_t(*hi) - uint64_t(*lo) < uint64_t(keys.length()) * 2 + 1024;
}

// Records a null key in `row` as the problem; true when there is one.
bool NullKey(const Column& keys, int64_t row, KeyProblem* p) {
  if (keys.null_count() == 0 || keys.IsValid(row)) return false;
  *p = {KeyProblem::Kind::kNull, row, -1};
  return true;
}

Status ProblemStatus(const Column& keys, const KeyProblem& p) {
  if (p.kind == KeyProblem::Kind::kNull) {
    return Status::DataError(fmt::format("empty key in row {}", p.row));
  }
  return Status::DataError(fmt::format("duplicate key '{}' in rows {} and {}", KeyText(keys, p.row),
                                       p.first_row, p.row));
}

}  // namespace

struct KeyIndex::Impl {
  enum class Mode : uint8_t { kDirect, kHash, kDict };

  Column keys;
  Mode mode = Mode::kDirect;
  int64_t base = 0;           // kDirect: the smallest key
  HugeArray<int32_t> rows;    // kDirect: row per key - base; kDict: row per dictionary code
  HugeArray<uint64_t> slots;  // kHash, kDict: see MakeSlot; kEmptySlot when free
  uint64_t mask = 0;

  void AllocateSlots(int64_t n) {
    uint64_t capacity = 16;
    while (capacity * 7 < uint64_t(n) * 10) capacity *= 2;  // load factor <= 0.7
    slots.Assign(capacity, kEmptySlot);
    mask = capacity - 1;
  }

  // Index of the slot holding the key of hash `h` (same(value) compares it), or of the free
  // slot where it would go (linear probing).
  template <typename Same>
  uint64_t Probe(uint64_t h, const Same& same) const {
    for (uint64_t i = h & mask;; i = (i + 1) & mask) {
      const uint64_t s = slots[i];
      if (s == kEmptySlot || (SameTag(s, h) && same(SlotValue(s)))) return i;
    }
  }

  int64_t FindHashed(int64_t key, uint64_t h) const {
    const int64_t* v = keys.data<int64_t>();
    const uint64_t s = slots[Probe(h, [&](int64_t row) { return v[row] == key; })];
    return s == kEmptySlot ? kNoRow : SlotValue(s);
  }

  int64_t FindInt(int64_t key) const {
    if (mode == Mode::kHash) return FindHashed(key, MixKey(key));
    if (mode != Mode::kDirect) return kNoRow;
    const uint64_t at = uint64_t(key) - uint64_t(base);
    return at < rows.size() ? rows[at] : kNoRow;
  }

  int64_t FindString(std::string_view key, uint64_t h) const {
    const Dictionary& dict = *keys.dictionary();
    const uint64_t s = slots[Probe(h, [&](int64_t code) { return dict.Get(code) == key; })];
    return s == kEmptySlot ? kNoRow : rows[SlotValue(s)];
  }

  void BuildDirect(int64_t lo, int64_t hi, KeyProblem* p);
  void BuildHash(KeyProblem* p);
  std::vector<int32_t> CanonicalCodes();
  void BuildDict(KeyProblem* p);
  void MapInts(const Column& column, int64_t begin, int64_t end, int32_t* out) const;
  void MapStrings(const Dictionary& dict, int64_t begin, int64_t end, int32_t* out) const;
};

void KeyIndex::Impl::BuildDirect(int64_t lo, int64_t hi, KeyProblem* p) {
  const int64_t* v = keys.data<int64_t>();
  base = lo;
  rows.Assign(size_t(uint64_t(hi) - uint64_t(lo) + 1), -1);
  for (int64_t i = 0; i < keys.length(); ++i) {
    if (NullKey(keys, i, p)) return;
    int32_t& slot = rows[uint64_t(v[i]) - uint64_t(lo)];
    if (slot >= 0) {
      *p = {KeyProblem::Kind::kDuplicate, i, slot};
      return;
    }
    slot = int32_t(i);
  }
}

// Rows in order, in batches whose slots are prefetched first: the order (and so the first
// duplicate reported) is the sequential one.
void KeyIndex::Impl::BuildHash(KeyProblem* p) {
  const int64_t n = keys.length();
  AllocateSlots(n);
  const int64_t* v = keys.data<int64_t>();
  uint64_t hashes[kBatch];
  for (int64_t b = 0; b < n; b += kBatch) {
    const int m = int(std::min<int64_t>(kBatch, n - b));
    for (int k = 0; k < m; ++k) {
      hashes[k] = MixKey(v[b + k]);
      __builtin_prefetch(&slots[hashes[k] & mask], 1);
    }
    for (int k = 0; k < m; ++k) {
      const int64_t row = b + k;
      if (NullKey(keys, row, p)) return;
      const uint64_t at = Probe(hashes[k], [&](int64_t r) { return v[r] == v[row]; });
      if (slots[at] != kEmptySlot) {
        *p = {KeyProblem::Kind::kDuplicate, row, SlotValue(slots[at])};
        return;
      }
      slots[at] = MakeSlot(hashes[k], row);
    }
  }
}

// Hashes the dictionary's strings; returns, per code, the first code holding the same text
// (an Arrow dictionary may repeat a string).
std::vector<int32_t> KeyIndex::Impl::CanonicalCodes() {
  const Dictionary& dict = *keys.dictionary();
  const int64_t n = dict.size();
  AllocateSlots(n);
  std::vector<int32_t> canon(static_cast<size_t>(n));
  uint64_t hashes[kBatch];
  for (int64_t b = 0; b < n; b += kBatch) {
    const int m = int(std::min<int64_t>(kBatch, n - b));
    for (int k = 0; k < m; ++k) {
      hashes[k] = HashBytes(dict.Get(b + k));
      __builtin_prefetch(&slots[hashes[k] & mask], 1);
    }
    for (int k = 0; k < m; ++k) {
      const std::string_view text = dict.Get(b + k);
      const uint64_t at = Probe(hashes[k], [&](int64_t c) { return dict.Get(c) == text; });
      if (slots[at] == kEmptySlot) slots[at] = MakeSlot(hashes[k], b + k);
      canon[b + k] = int32_t(SlotValue(slots[at]));
    }
  }
  return canon;
}

void KeyIndex::Impl::BuildDict(KeyProblem* p) {
  std::vector<int32_t> canon = CanonicalCodes();
  rows.Assign(canon.size(), -1);
  const int32_t* codes = keys.data<int32_t>();
  for (int64_t i = 0; i < keys.length(); ++i) {
    if (NullKey(keys, i, p)) return;
    int32_t& slot = rows[canon[codes[i]]];
    if (slot >= 0) {
      *p = {KeyProblem::Kind::kDuplicate, i, slot};
      return;
    }
    slot = int32_t(i);
  }
  for (size_t c = 0; c < canon.size(); ++c) rows[c] = rows[canon[c]];
}

void KeyIndex::Impl::MapInts(const Column& column, int64_t begin, int64_t end, int32_t* out) const {
  const int64_t* in = column.data<int64_t>();
  if (mode != Mode::kHash) {
    for (int64_t i = begin; i < end; ++i) out[i] = int32_t(FindInt(in[i]));
  } else {
    uint64_t hashes[kBatch];
    for (int64_t b = begin; b < end; b += kBatch) {
      const int m = int(std::min<int64_t>(kBatch, end - b));
      for (int k = 0; k < m; ++k) {
        hashes[k] = MixKey(in[b + k]);
        __builtin_prefetch(&slots[hashes[k] & mask]);
      }
      for (int k = 0; k < m; ++k) out[b + k] = int32_t(FindHashed(in[b + k], hashes[k]));
    }
  }
  if (column.null_count() == 0) return;
  for (int64_t i = begin; i < end; ++i) {
    if (column.IsNull(i)) out[i] = kNoRow;
  }
}

// Rows of the foreign dictionary's entries [begin, end).
void KeyIndex::Impl::MapStrings(const Dictionary& dict, int64_t begin, int64_t end,
                                int32_t* out) const {
  uint64_t hashes[kBatch];
  for (int64_t b = begin; b < end; b += kBatch) {
    const int m = int(std::min<int64_t>(kBatch, end - b));
    for (int k = 0; k < m; ++k) {
      hashes[k] = HashBytes(dict.Get(b + k));
      __builtin_prefetch(&slots[hashes[k] & mask]);
    }
    for (int k = 0; k < m; ++k) out[b + k] = int32_t(FindString(dict.Get(b + k), hashes[k]));
  }
}

KeyIndex::KeyIndex() : impl_(std::make_unique<Impl>()) {}
KeyIndex::~KeyIndex() = default;
KeyIndex::KeyIndex(KeyIndex&&) noexcept = default;
KeyIndex& KeyIndex::operator=(KeyIndex&&) noexcept = default;

Result<KeyIndex> KeyIndex::Build(const Column& keys, KeyProblem* problem) {
  if (keys.type() != ColumnType::kInt && !IsDictType(keys.type())) {
    return Status::InvalidArgument(
        fmt::format("a key column must be int or string, not {}", ColumnTypeName(keys.type())));
  }
  if (keys.length() > std::numeric_limits<int32_t>::max()) {
    return Status::InvalidArgument("a key column may have at most 2^31 - 1 rows");
  }
  KeyIndex index;
  Impl& x = *index.impl_;
  x.keys = keys;
  KeyProblem local;
  KeyProblem* p = problem != nullptr ? problem : &local;
  *p = KeyProblem();
  int64_t lo = 0, hi = -1;
  if (IsDictType(keys.type())) {
    x.mode = Impl::Mode::kDict;
    x.BuildDict(p);
  } else if (UseDirect(keys, &lo, &hi)) {
    x.mode = Impl::Mode::kDirect;
    x.BuildDirect(lo, hi, p);
  } else {
    x.mode = Impl::Mode::kHash;
    x.BuildHash(p);
  }
  if (p->kind != KeyProblem::Kind::kNone) return ProblemStatus(keys, *p);
  return index;
}

int64_t KeyIndex::Find(int64_t key) const { return impl_->FindInt(key); }

int64_t KeyIndex::Find(std::string_view key) const {
  if (impl_->mode != Impl::Mode::kDict) return kNoRow;
  return impl_->FindString(key, HashBytes(key));
}

Result<std::vector<int32_t>> KeyIndex::Map(const Column& foreign_keys, int threads) const {
  std::vector<int32_t> out(size_t(foreign_keys.length()));
  SEGC_RETURN_IF_ERROR(MapInto(foreign_keys, out.data(), threads));
  return out;
}

Status KeyIndex::MapInto(const Column& foreign_keys, int32_t* out, int threads) const {
  const Impl& x = *impl_;
  const bool dict = x.mode == Impl::Mode::kDict;
  if (dict != IsDictType(foreign_keys.type()) ||
      (!dict && foreign_keys.type() != ColumnType::kInt)) {
    return Status::InvalidArgument(fmt::format("cannot look up {} values in an index of {} keys",
                                               ColumnTypeName(foreign_keys.type()),
                                               ColumnTypeName(x.keys.type())));
  }
  const int64_t n = foreign_keys.length();
  const int64_t n_dict = dict ? foreign_keys.dictionary()->size() : 0;
  std::vector<int32_t> translate;  // foreign dictionary code -> row
  const bool same_dict = dict && foreign_keys.dictionary() == x.keys.dictionary();
  ThreadPool pool(std::max(n, n_dict) > kMorselRows ? threads : 1);
  SEGC_RETURN_IF_ERROR(pool.status());
  auto morsels = [](int64_t rows) { return (rows + kMorselRows - 1) / kMorselRows; };
  if (dict && !same_dict) {
    translate.resize(size_t(n_dict));
    pool.ParallelFor(morsels(n_dict), [&](int64_t m) {
      const int64_t begin = m * kMorselRows;
      x.MapStrings(*foreign_keys.dictionary(), begin, std::min(n_dict, begin + kMorselRows),
                   translate.data());
    });
  }
  const int32_t* rows = same_dict ? x.rows.data() : translate.data();
  pool.ParallelFor(morsels(n), [&](int64_t m) {
    const int64_t begin = m * kMorselRows, end = std::min(n, begin + kMorselRows);
    if (!dict) return x.MapInts(foreign_keys, begin, end, out);
    const int32_t* codes = foreign_keys.data<int32_t>();
    for (int64_t i = begin; i < end; ++i) {
      out[i] = foreign_keys.IsValid(i) ? rows[codes[i]] : kNoRow;
    }
  });
  return Status::Ok();
}

int64_t KeyIndex::size() const { return impl_->keys.length(); }

int64_t KeyIndex::memory_bytes() const {
  return int64_t(impl_->rows.size() * sizeof(int32_t) + impl_->slots.size() * sizeof(uint64_t));
}

std::string KeyText(const Column& keys, int64_t row) {
  if (keys.type() == ColumnType::kInt) return std::to_string(keys.Int64(row));
  if (IsDictType(keys.type())) return std::string(keys.String(row));
  return "?";
}

}  // namespace segc::rt
