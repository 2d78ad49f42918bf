// Type: the small value type sema gives every expression (kError is compatible with everything).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace segc::sema {

enum class TypeKind { kBool, kInt, kFloat, kString, kDate, kDuration, kEnum, kLabel, kError };

/// The closed value set of an enum column or the labels of a classify, with the owner's name.
struct ValueSet {
  std::string owner;  ///< column, input or classify name ("lifecycle_stage", "abc")
  std::vector<std::string> values;
  bool Contains(std::string_view value) const;
};

/// A type. Enum and label types carry their value set; types compare by kind and values.
class Type {
 public:
  Type() = default;
  static Type Bool() { return Type(TypeKind::kBool); }
  static Type Int() { return Type(TypeKind::kInt); }
  static Type Float() { return Type(TypeKind::kFloat); }
  static Type String() { return Type(TypeKind::kString); }
  static Type Date() { return Type(TypeKind::kDate); }
  static Type Duration() { return Type(TypeKind::kDuration); }
  static Type Error() { return Type(TypeKind::kError); }
  static Type Enum(std::string owner, std::vector<std::string> values);
  static Type Label(std::string owner, std::vector<std::string> labels);

  TypeKind kind() const { return kind_; }
  /// Enum values or classify labels; empty for other kinds.
  const std::vector<std::string>& values() const;
  /// The column or classify that declared the value set; empty for other kinds.
  const std::string& owner() const;

  bool is_error() const { return kind_ == TypeKind::kError; }
  bool is_numeric() const { return kind_ == TypeKind::kInt || kind_ == TypeKind::kFloat; }
  /// string, enum and label values are all strings at run time.
  bool is_stringlike() const;
  /// Ordering (< <= > >=) is defined: numbers, dates, strings (by bytes). Not enum values or
  /// classify labels: their declared order is not their byte order (E0217).
  bool is_ordered() const {
    return is_numeric() || kind_ == TypeKind::kDate || kind_ == TypeKind::kString;
  }

  /// Types that `==`/`in` may compare: equal kinds, numbers together, string-likes together.
  /// kError is compatible with everything.
  bool ComparableWith(const Type& other) const;
  /// Exact equality (enum and label types compare their value sets).
  bool operator==(const Type& other) const;

  /// "int", "date", "enum(\"a\", \"b\")", "label of 'abc'".
  std::string ToString() const;

 private:
  explicit Type(TypeKind kind) : kind_(kind) {}
  TypeKind kind_ = TypeKind::kError;
  std::shared_ptr<const ValueSet> set_;
};

/// int with float gives float; two ints give int. Both must be numeric.
Type CommonNumeric(const Type& a, const Type& b);
/// A short noun for messages: "an int", "a date", "a string", "a boolean".
std::string Described(const Type& type);

}  // namespace segc::sema
