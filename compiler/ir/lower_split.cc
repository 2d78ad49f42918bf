// Lowering of `split`: a classify whose arm i holds the members of the segment whose key's
// bucket (compiler/ir/split_hash.h) falls in [start_i, start_i + basis points of arm i); rows
// outside the segment are null.
#include "compiler/ir/lower_context.h"
#include "compiler/ir/split_hash.h"
#include "segc/check.h"

namespace segc::ir::detail {

ValueId LowerContext::Split(uint32_t instance, const sema::DeclInfo& info,
                            const ast::SplitDecl& split) {
  uint32_t key = project_.schema.key_column;
  if (key == sema::kNone) {
    Fail(Status::Internal("split '" + info.name + "' in a table without a key"));
    return builder_.Null(Type::kLabel);
  }
  bool string_key = program_.inputs[key].type == Type::kString;
  if (!string_key && program_.inputs[key].type != Type::kInt) {
    Fail(Status::InvalidArgument("split '" + info.name +
                                 "' needs an int or string key column, not '" +
                                 program_.inputs[key].name + "'"));
    return builder_.Null(Type::kLabel);
  }
  std::vector<ValueId> call_args{builder_.Column(key), builder_.Int(string_key ? 1 : 0)};
  for (int64_t word : PackSalt(split.salt.name)) call_args.push_back(builder_.Int(word));
  ValueId bucket =
      builder_.Add(Op::kCall, Type::kInt, std::move(call_args),
                   {.index = uint32_t(stdlib::BuiltinId::kSplitBucket)}, split.name.range);
  ValueId member = builder_.Add(Op::kIsTrue, Type::kBool, {Expr(*split.segment, instance)});
  std::vector<ValueId> args;
  int64_t end = 0;
  for (size_t i = 0; i < split.arms.size(); ++i) {
    end += ast::SplitBasisPoints(split.arms[i].percent);
    ValueId below = builder_.Add(Op::kLt, Type::kBool, {bucket, builder_.Int(end)});
    args.push_back(builder_.Add(Op::kAnd, Type::kBool, {member, below}));
    args.push_back(builder_.Label(int64_t(i)));
  }
  SEGC_CHECK(end == kSplitBuckets);
  args.push_back(builder_.Null(Type::kLabel));
  return builder_.Add(Op::kSelect, Type::kLabel, std::move(args));
}

}  // namespace segc::ir::detail
