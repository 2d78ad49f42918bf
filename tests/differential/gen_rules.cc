// RandomProgram: declarations (params, lets, segments, partitions, scores, classifies) as text.
#include "tests/differential/gen_rules.h"

#include "tests/differential/gen_expr.h"

namespace segc::difftest {
namespace {

/// Builds one program; each declaration may use every name declared before it.
class ProgramGen {
 public:
  ProgramGen(const GenSchema& schema, Rng& rng, const GenOptions& options)
      : rng_(rng), options_(options), expr_(schema, rng) {}

  GenProgram Run() {
    int params = int(rng_.Range(0, 2));
    for (int i = 0; i < params; ++i) Param();
    int decls = int(rng_.Range(options_.min_decls, options_.max_decls));
    Partitioned();
    for (int i = 1; i < decls; ++i) {
      switch (rng_.Below(9)) {
        case 0:
          Let();
          break;
        case 1:
        case 2:
          Segment();
          break;
        case 3:
          Partitioned();
          break;
        case 4:
        case 5:
          PointsScore();
          break;
        case 6:
          ExprScore();
          break;
        default:
          Classify();
          break;
      }
    }
    return std::move(out_);
  }

 private:
  std::string Fresh(const char* prefix) { return prefix + std::to_string(next_++); }
  int Depth() { return int(rng_.Range(1, options_.max_depth)); }

  void Param() {
    T type = T(rng_.Below(5));
    std::string name = Fresh("prm");
    out_.text += "param " + name + " = " + expr_.ParamLiteral(type) + "\n";
    expr_.names.push_back({name, type});
  }

  void Let() {
    std::string name = Fresh("lt");
    T type = T(rng_.Below(4));
    std::string value;
    switch (type) {
      case T::kInt:
        value = expr_.Num(Depth(), true);
        break;
      case T::kFloat:
        value = expr_.Num(Depth(), false);
        break;
      case T::kBool:
        value = expr_.Bool(Depth());
        break;
      default:
        value = expr_.Date(Depth());
        break;
    }
    out_.text += "let " + name + " = " + value + "\n";
    // A float-typed let may in fact be int-typed; it is only used where floats are accepted.
    expr_.names.push_back({name, type});
  }

  void Segment() {
    std::string name = Fresh("Seg");
    out_.text += "segment " + name + " where " + expr_.Bool(Depth()) + "\n";
    expr_.names.push_back({name, T::kBool});
  }

  void Partitioned() {
    std::string p = expr_.Bool(Depth());
    Partition part{Fresh("Pt"), Fresh("Pf"), Fresh("Pn")};
    out_.text += "segment " + part.is_true + " where " + p + "\n";
    out_.text += "segment " + part.is_false + " where not " + p + "\n";
    out_.text += "segment " + part.is_null + " where " + p + " is null\n";
    out_.partitions.push_back(part);
    expr_.names.push_back({part.is_true, T::kBool});
  }

  void PointsScore() {
    std::string name = Fresh("sc");
    std::string head = "score " + name;
    if (rng_.Chance(0.5)) {
      int64_t lo = rng_.Range(-20, 10);
      head += " range " + std::to_string(lo) + ".." + std::to_string(lo + rng_.Range(1, 60));
    }
    out_.text += head + " {\n";
    int rules = int(rng_.Range(1, 4));
    for (int i = 0; i < rules; ++i) {
      switch (rng_.Below(5)) {
        case 0:
          out_.text += "  -" + std::to_string(rng_.Range(1, 20));
          break;
        case 1:
          out_.text += "  +2.5";
          break;
        case 2:
          out_.text += "  +" + expr_.Num(Depth(), false);
          break;
        default:
          out_.text += "  +" + std::to_string(rng_.Range(0, 30));
          break;
      }
      bool expression_rule = out_.text.back() == ')' || out_.text.back() > '9';
      if (!expression_rule || rng_.Chance(0.4)) out_.text += " when " + expr_.Bool(Depth());
      out_.text += "\n";
    }
    out_.text += "}\n";
    expr_.names.push_back({name, T::kFloat});
  }

  void ExprScore() {
    std::string name = Fresh("sc");
    out_.text += "score " + name + " = " + expr_.Num(Depth(), rng_.Chance(0.3)) + "\n";
    expr_.names.push_back({name, T::kFloat});
  }

  void Classify() {
    static const std::vector<std::string> kLabels = {"A", "B", "C", "D"};
    std::string name = Fresh("cl");
    int arms = int(rng_.Range(1, 3));
    bool otherwise = rng_.Chance(0.5);
    ClassRef ref{name, {}};
    out_.text += "classify " + name + " {\n";
    for (int i = 0; i < arms; ++i) {
      out_.text += "  \"" + kLabels[i] + "\" when " + expr_.Bool(Depth()) + "\n";
      ref.labels.push_back(kLabels[i]);
    }
    if (otherwise) {
      out_.text += "  \"" + kLabels[arms] + "\" otherwise\n";
      ref.labels.push_back(kLabels[arms]);
    }
    out_.text += "}\n";
    expr_.classes.push_back(std::move(ref));
  }

  Rng& rng_;
  GenOptions options_;
  ExprGen expr_;
  GenProgram out_;
  int next_ = 0;
};

}  // namespace

GenProgram RandomProgram(const GenSchema& schema, Rng& rng, const GenOptions& options) {
  return ProgramGen(schema, rng, options).Run();
}

}  // namespace segc::difftest
