// The activation part of a run summary (docs/language.md, "Consent, audiences and splits"): each
// audience's size and reachable members, and per consent channel and segment the members the
// channel may reach (consent column true) and may not (false or empty).
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "compiler/sema/checked_project.h"
#include "segc/executor.h"
#include "segc/table.h"

namespace segc::cli {

struct ActivationSummary {
  struct Audience {
    std::string name, segment, channel;
    int64_t count = 0;
    std::optional<int64_t> reachable;  ///< unset when the channel has no consent declaration
  };
  struct Reach {
    std::string segment;
    int64_t reachable = 0, not_reachable = 0;
  };
  struct Channel {
    std::string name, column;
    std::vector<Reach> segments;
  };
  std::vector<Audience> audiences;
  std::vector<Channel> channels;
};

/// Counts over the run's segment bitmaps and the consent columns of `table`. Channels whose
/// column is not in `table` (a run in PostgreSQL has no table here) are left out, and so are
/// the reachable counts of their audiences.
ActivationSummary SummarizeActivation(const sema::CheckedProject& project, const rt::Table& table,
                                      const rt::RunResult& result);

/// The text tables ("audience  channel  count  reachable", then one table per channel); nothing
/// when the project declares no audience and no consent.
void AppendActivationText(const ActivationSummary& summary, int64_t rows, std::string& out);

/// {"audiences": {NAME: {"segment", "channel", "count", "reachable"}}, "channels": {NAME:
/// {"consent": COLUMN, "segments": {SEGMENT: {"reachable", "not_reachable"}}}}}, added to `j`
/// only when the project declares audiences or consents.
void AddActivationJson(const ActivationSummary& summary, nlohmann::ordered_json& j);

}  // namespace segc::cli
