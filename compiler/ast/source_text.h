// Writing values back as rule-language source text (the AST printer, statistic names).
#pragma once

#include <string>
#include <string_view>

namespace segc::ast {

/// The shortest decimal text that reads back as the same double ("0.9", "1e+300").
std::string FormatNumber(double value);

/// A name as written in a rule: bare when it is made of identifier characters (letters, digits
/// after the first, `_`), else in backquotes. Keywords are not considered.
std::string FormatName(std::string_view name);

}  // namespace segc::ast
