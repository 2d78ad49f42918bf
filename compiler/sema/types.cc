// Type construction, comparison and printing.
#include "compiler/sema/types.h"

#include <algorithm>

namespace segc::sema {
namespace {

const std::vector<std::string>& NoValues() {
  static const std::vector<std::string> kEmpty;
  return kEmpty;
}

const std::string& NoOwner() {
  static const std::string kEmpty;
  return kEmpty;
}

}  // namespace

bool ValueSet::Contains(std::string_view value) const {
  return std::find(values.begin(), values.end(), value) != values.end();
}

Type Type::Enum(std::string owner, std::vector<std::string> values) {
  Type type(TypeKind::kEnum);
  type.set_ = std::make_shared<ValueSet>(ValueSet{std::move(owner), std::move(values)});
  return type;
}

Type Type::Label(std::string owner, std::vector<std::string> labels) {
  Type type(TypeKind::kLabel);
  type.set_ = std::make_shared<ValueSet>(ValueSet{std::move(owner), std::move(labels)});
  return type;
}

const std::vector<std::string>& Type::values() const { return set_ ? set_->values : NoValues(); }

const std::string& Type::owner() const { return set_ ? set_->owner : NoOwner(); }

bool Type::is_stringlike() const {
  return kind_ == TypeKind::kString || kind_ == TypeKind::kEnum || kind_ == TypeKind::kLabel;
}

bool Type::ComparableWith(const Type& other) const {
  if (is_error() || other.is_error()) return true;
  if (is_numeric() && other.is_numeric()) return true;
  if (is_stringlike() && other.is_stringlike()) return true;
  return kind_ == other.kind_;
}

bool Type::operator==(const Type& other) const {
  if (kind_ != other.kind_) return false;
  return values() == other.values();
}

std::string Type::ToString() const {
  switch (kind_) {
    case TypeKind::kBool:
      return "bool";
    case TypeKind::kInt:
      return "int";
    case TypeKind::kFloat:
      return "float";
    case TypeKind::kString:
      return "string";
    case TypeKind::kDate:
      return "date";
    case TypeKind::kDuration:
      return "duration";
    case TypeKind::kError:
      return "<error>";
    case TypeKind::kLabel:
      return "label of '" + owner() + "'";
    case TypeKind::kEnum:
      break;
  }
  std::string text = "enum(";
  for (size_t i = 0; i < values().size(); ++i) {
    if (i > 0) text += ", ";
    text += "\"" + values()[i] + "\"";
  }
  return text + ")";
}

Type CommonNumeric(const Type& a, const Type& b) {
  if (a.is_error() || b.is_error()) return Type::Error();
  if (a.kind() == TypeKind::kFloat || b.kind() == TypeKind::kFloat) return Type::Float();
  return Type::Int();
}

std::string Described(const Type& type) {
  switch (type.kind()) {
    case TypeKind::kBool:
      return "a boolean";
    case TypeKind::kInt:
      return "an int";
    case TypeKind::kFloat:
      return "a float";
    case TypeKind::kString:
      return "a string";
    case TypeKind::kDate:
      return "a date";
    case TypeKind::kDuration:
      return "a duration";
    case TypeKind::kEnum:
      return "an enum value";
    case TypeKind::kLabel:
      return "a label of '" + type.owner() + "'";
    case TypeKind::kError:
      return "an invalid value";
  }
  return "a value";
}

}  // namespace segc::sema
